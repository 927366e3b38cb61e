-- Declarations already escalated, so the dispatcher stops asking; the Escalation aggregate is the
-- guard, this table only keeps the query cheap.
CREATE TABLE notification_escalation (
    source_event_id varchar(255) PRIMARY KEY,
    incident_id     varchar(64)  NOT NULL,
    escalated_at    timestamptz  NOT NULL
);
