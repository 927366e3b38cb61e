-- One row per drill, projected from dr.drill.events (the drill module in backup-service); every event sets its own
-- columns. DR test success is computed from these outcomes: a drill that failed before declaring an incident, or one
-- that declares none (the random-moment and the application drills), counts as well.
CREATE TABLE drill_fact (
    drill_id        varchar(100) PRIMARY KEY,
    scenario        varchar(100) NOT NULL,
    trigger         varchar(200),
    started_at      timestamptz,
    incident_id     varchar(100),
    passed_at       timestamptz,
    passed_event_id varchar(64),
    failed_at       timestamptz,
    failed_event_id varchar(64),
    failure_reason  text
);

-- A drill belongs to the period it finished in: its failure, else its pass.
CREATE INDEX drill_fact_finished_at ON drill_fact ((COALESCE(failed_at, passed_at)));
