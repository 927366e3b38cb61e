-- The delivery read model replaces notification_due: one row per notification (message x contact),
-- kept by the delivery-projection in the same transaction as the events it reflects.
DROP TABLE notification_due;

CREATE TABLE notification_delivery (
    notification_id  varchar(64)  PRIMARY KEY,
    incident_id      varchar(64)  NOT NULL,
    source_event_id  varchar(255) NOT NULL,
    kind             varchar(50)  NOT NULL,
    tier             varchar(50),
    audience         varchar(100) NOT NULL,
    contact          varchar(100) NOT NULL,
    channel          varchar(20)  NOT NULL,
    subject          text         NOT NULL,
    status           varchar(20)  NOT NULL,
    attempts         integer      NOT NULL DEFAULT 0,
    last_error       text,
    due_at           timestamptz,
    deadline         varchar(20),
    next_attempt_at  timestamptz,
    scheduled_at     timestamptz  NOT NULL,
    sent_at          timestamptz,
    acknowledged_by  varchar(100),
    acknowledged_at  timestamptz
);
CREATE INDEX notification_delivery_incident ON notification_delivery (incident_id, scheduled_at);
CREATE INDEX notification_delivery_pending ON notification_delivery (status, next_attempt_at);

-- What the listener remembers of a declaration, so later phase messages name the incident and
-- reach only the audiences its severity concerns.
CREATE TABLE incident_brief (
    incident_id  varchar(64)  PRIMARY KEY,
    scenario_id  varchar(100) NOT NULL,
    title        varchar(500),
    severity     varchar(20),
    rto          varchar(50),
    declared_at  timestamptz,
    drill        boolean      NOT NULL
);
