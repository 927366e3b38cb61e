-- One row per backup, projected from dr.backup.events; every event sets its own columns.
CREATE TABLE backup_fact (
    backup_id              varchar(64)  PRIMARY KEY,
    database               varchar(200) NOT NULL,
    started_at             timestamptz,
    completed_at           timestamptz,
    snapshot_at            timestamptz,
    failed_at              timestamptz,
    verified_at            timestamptz,
    verification_failed_at timestamptz,
    expired_at             timestamptz
);

-- The RPO of a database, from the latest (by event time) RpoAtRisk event carrying one.
CREATE TABLE database_rpo (
    database    varchar(200) PRIMARY KEY,
    rpo_seconds bigint       NOT NULL,
    rpo_at      timestamptz  NOT NULL
);

-- One row per notification whose deadline was decided, projected from dr.notification.events.
CREATE TABLE notification_fact (
    notification_id varchar(64)  PRIMARY KEY,
    tier            varchar(100) NOT NULL,
    due_at          timestamptz  NOT NULL,
    met_at          timestamptz,
    breached_at     timestamptz
);
