-- What backup-service and notification-service reported that can become an incident's evidence (issue 20).
CREATE TABLE seen_backup_restore (
    restore_id      text PRIMARY KEY,
    event_id        text NOT NULL,
    backup_id       text NOT NULL,
    database        text NOT NULL,
    target_database text,
    restore_point   timestamptz NOT NULL,
    source          text,
    occurred_at     timestamptz NOT NULL
);

CREATE TABLE seen_backup_verification (
    event_id       text PRIMARY KEY,
    backup_id      text NOT NULL,
    database       text NOT NULL,
    tables_checked integer NOT NULL,
    occurred_at    timestamptz NOT NULL
);
CREATE INDEX seen_backup_verification_backup ON seen_backup_verification (backup_id, occurred_at);

CREATE TABLE seen_notification (
    notification_id text PRIMARY KEY,
    incident_id     text NOT NULL,
    tier            text,
    audience        text,
    kind            text,
    channel         text,
    due_at          timestamptz,
    sent_at         timestamptz,
    deadline        text,
    deadline_at     timestamptz
);
CREATE INDEX seen_notification_incident ON seen_notification (incident_id);
