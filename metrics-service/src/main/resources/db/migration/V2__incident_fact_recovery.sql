-- The facts the recovery metrics need. Any event of an incident carries its targets, so a row may
-- start from a later event and get its declaration afterwards: the declaration columns become nullable.
ALTER TABLE incident_fact
    ALTER COLUMN severity DROP NOT NULL,
    ALTER COLUMN detected_at DROP NOT NULL,
    ALTER COLUMN declared_at DROP NOT NULL,
    ADD COLUMN severity_at   timestamptz,
    ADD COLUMN restored_at   timestamptz,
    ADD COLUMN restore_point timestamptz,
    ADD COLUMN backup_id     varchar(200),
    ADD COLUMN cancelled_at  timestamptz;

CREATE INDEX incident_fact_declared_at ON incident_fact (declared_at);

-- Which version of the projection built incident_fact; a service whose projection is newer replays
-- the topic from the beginning on start-up (rows built by V1 lack the restore and close facts).
CREATE TABLE projection_state (
    projection varchar(100) PRIMARY KEY,
    version    integer      NOT NULL,
    rebuilt_at timestamptz  NOT NULL
);
