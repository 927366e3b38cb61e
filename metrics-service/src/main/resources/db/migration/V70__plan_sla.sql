-- The SLA the DR plan states (dr.plan.sla-stated.v1 from incident-service, which holds the plan): one row, the newest.
-- metrics-service measures availability and the error budget against it; it has no SLA setting of its own.
CREATE TABLE plan_sla (
    id            varchar(8)    PRIMARY KEY DEFAULT 'sla' CHECK (id = 'sla'),
    availability  numeric(8, 5) NOT NULL,
    stated_at     timestamptz   NOT NULL,
    event_id      varchar(64)
);
