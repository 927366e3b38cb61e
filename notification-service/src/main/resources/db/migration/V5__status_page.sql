-- The public status page's read model: only what may be published. No actor, no e-mail address,
-- no internal note, no drill ever lands here.
CREATE TABLE status_incident (
    incident_id varchar(64)  PRIMARY KEY,
    scenario_id varchar(255),
    title       varchar(1000),
    status      varchar(32)  NOT NULL,
    declared_at timestamptz,
    updated_at  timestamptz  NOT NULL
);

CREATE TABLE status_update (
    event_id    varchar(255) PRIMARY KEY,
    incident_id varchar(64)  NOT NULL REFERENCES status_incident (incident_id),
    status      varchar(32)  NOT NULL,
    text        text,
    occurred_at timestamptz  NOT NULL
);

CREATE INDEX status_update_incident ON status_update (incident_id, occurred_at);
CREATE INDEX status_update_time ON status_update (occurred_at DESC);
