-- Planned maintenance windows, projected from dr.plan.events; the SLA leaves them out. No person's name: who
-- scheduled a window is in incident-service's events.
CREATE TABLE maintenance_window (
    window_id    varchar(64)   PRIMARY KEY,
    starts_at    timestamptz   NOT NULL,
    ends_at      timestamptz   NOT NULL,
    reason       varchar(1000) NOT NULL,
    scheduled_at timestamptz   NOT NULL,
    event_id     varchar(64)
);
