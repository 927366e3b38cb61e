-- Point-in-time recovery (pitr/): the base backups per tier, the restores to an instant, and whether the WAL
-- archive lags (so that its alert goes out once per lag).
CREATE TABLE base_backup (
    backup_id     varchar(36)  NOT NULL,
    repository    varchar(20)  NOT NULL,
    database_name varchar(100) NOT NULL,
    label         varchar(40),
    status        varchar(20)  NOT NULL,
    started_at    timestamptz,
    consistent_at timestamptz,
    size_bytes    bigint,
    failure       text,
    recorded_at   timestamptz  NOT NULL,
    expired_at    timestamptz,
    PRIMARY KEY (backup_id, repository)
);
CREATE INDEX base_backup_label ON base_backup (repository, label);

CREATE TABLE pitr_restore (
    restore_id        varchar(36)  PRIMARY KEY,
    database_name     varchar(100) NOT NULL,
    target_database   varchar(63)  NOT NULL,
    to_time           timestamptz  NOT NULL,
    status            varchar(20)  NOT NULL,
    reached_at        timestamptz,
    base_backup_label varchar(40),
    tables            integer,
    row_count         bigint,
    failure           text,
    started_at        timestamptz  NOT NULL,
    ended_at          timestamptz
);
-- one running restore into a database at a time: a second request for the same target fails on this
CREATE UNIQUE INDEX pitr_restore_running_target ON pitr_restore (target_database) WHERE status = 'RUNNING';

CREATE TABLE wal_archive_watch (
    database_name varchar(100) PRIMARY KEY,
    lagging       boolean      NOT NULL,
    since         timestamptz  NOT NULL
);
