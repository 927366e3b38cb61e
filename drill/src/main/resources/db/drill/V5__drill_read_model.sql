-- The drills' read model, projected from the Drill aggregate's events.
CREATE TABLE drill (
    drill_id       varchar(64)  PRIMARY KEY,
    scenario       varchar(100) NOT NULL,
    database_name  varchar(100) NOT NULL,
    trigger_name   varchar(100) NOT NULL,
    status         varchar(20)  NOT NULL,
    actor          varchar(200) NOT NULL,
    incident_id    varchar(64),
    started_at     timestamptz  NOT NULL,
    finished_at    timestamptz,
    reason         text,
    backup_id      varchar(64),
    restore_point  timestamptz,
    rto_ms         bigint,
    rto_target_ms  bigint,
    rpo_ms         bigint,
    rpo_target_ms  bigint,
    pending_cleanup text,
    report_bucket  varchar(200),
    report_key     varchar(1000),
    report_sha256  varchar(64),
    report_retain_until timestamptz
);
CREATE INDEX drill_started_at ON drill (started_at DESC);
CREATE TABLE drill_step (
    drill_id   varchar(64)  NOT NULL REFERENCES drill (drill_id),
    seq        int          NOT NULL,
    step       text         NOT NULL,
    outcome    varchar(20)  NOT NULL,
    detail     text,
    started_at timestamptz  NOT NULL,
    ended_at   timestamptz  NOT NULL,
    PRIMARY KEY (drill_id, seq)
);
