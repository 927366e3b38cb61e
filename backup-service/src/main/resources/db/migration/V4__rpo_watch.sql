-- Whether each protected database is past its RPO, so that an alert goes out once per breach.
CREATE TABLE rpo_watch (
    database_name varchar(100) PRIMARY KEY,
    at_risk       boolean      NOT NULL,
    since         timestamptz  NOT NULL
);
