-- Read models, projected from the event store by tracking processors (rebuilt by a replay).
CREATE TABLE incident_summary (
    id          varchar(64)  PRIMARY KEY,
    scenario    varchar(100) NOT NULL,
    title       varchar(200) NOT NULL,
    severity    varchar(20)  NOT NULL,
    status      varchar(20)  NOT NULL,
    drill       boolean      NOT NULL,
    declared_at timestamptz  NOT NULL,
    updated_at  timestamptz  NOT NULL,
    version     bigint       NOT NULL
);
CREATE INDEX incident_summary_declared_at ON incident_summary (declared_at DESC);

-- Every event of every incident, for audit queries across incidents.
CREATE TABLE audit_event (
    event_id    varchar(64)  PRIMARY KEY,
    incident_id varchar(64)  NOT NULL,
    sequence    bigint       NOT NULL,
    type        varchar(100) NOT NULL,
    actor       varchar(200) NOT NULL,
    occurred_at timestamptz  NOT NULL,
    data        jsonb        NOT NULL
);
CREATE INDEX audit_event_occurred_at ON audit_event (occurred_at);
CREATE INDEX audit_event_actor ON audit_event (actor, occurred_at);
CREATE INDEX audit_event_incident ON audit_event (incident_id, sequence);
