-- The read model of the backups, projected from the Backup aggregates' events in the same transaction.
CREATE TABLE backup (
    backup_id           varchar(64)  PRIMARY KEY,
    database_name       varchar(100) NOT NULL,
    status              varchar(20)  NOT NULL,
    actor               varchar(200) NOT NULL,
    bucket              varchar(200) NOT NULL,
    object_key          varchar(500) NOT NULL,
    started_at          timestamptz  NOT NULL,
    completed_at        timestamptz,
    snapshot_at         timestamptz,
    duration_ms         bigint,
    size_bytes          bigint,
    sha256              varchar(64),
    server_version      varchar(200),
    failure             text,
    verification        varchar(20)  NOT NULL DEFAULT 'UNVERIFIED',
    verified_at         timestamptz,
    verification_check  varchar(50),
    verification_detail text,
    expired_at          timestamptz,
    expiry_reason       text
);
-- One backup per database at a time, whichever instance starts it: a second start fails its command.
CREATE UNIQUE INDEX one_running_backup_per_database ON backup (database_name) WHERE status = 'RUNNING';
CREATE INDEX backup_by_database ON backup (database_name, started_at DESC);

CREATE TABLE backup_table (
    backup_id  varchar(64)  NOT NULL REFERENCES backup,
    table_name varchar(300) NOT NULL,
    row_count  bigint       NOT NULL,
    md5        varchar(32)  NOT NULL,
    PRIMARY KEY (backup_id, table_name)
);

CREATE TABLE backup_copy (
    backup_id  varchar(64)  NOT NULL REFERENCES backup,
    tier       varchar(20)  NOT NULL,
    bucket     varchar(200) NOT NULL,
    status     varchar(20)  NOT NULL,
    sha256     varchar(64),
    failure    text,
    copied_at  timestamptz  NOT NULL,
    PRIMARY KEY (backup_id, tier)
);

CREATE TABLE backup_restore (
    restore_id           varchar(64)  PRIMARY KEY,
    backup_id            varchar(64)  NOT NULL REFERENCES backup,
    target_database      varchar(100) NOT NULL,
    overwrites_protected boolean      NOT NULL,
    restore_point        timestamptz,
    status               varchar(20)  NOT NULL,
    actor                varchar(200) NOT NULL,
    started_at           timestamptz  NOT NULL,
    finished_at          timestamptz,
    failure              text
);
