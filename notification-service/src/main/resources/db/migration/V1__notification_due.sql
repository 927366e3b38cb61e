-- What the communication plan owes for each incident: one row per audience, with its deadline.
CREATE TABLE notification_due (
    incident_id varchar(64)  NOT NULL,
    tier        varchar(50)  NOT NULL,
    audience    varchar(100) NOT NULL,
    reason      varchar(50)  NOT NULL,
    due_at      timestamptz  NOT NULL,
    status      varchar(20)  NOT NULL,
    PRIMARY KEY (incident_id, reason, audience)
);
