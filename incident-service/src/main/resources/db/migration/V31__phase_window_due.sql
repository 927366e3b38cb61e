-- The phase windows not decided yet (met or breached), projected from the event store; the clock reads the ones
-- past their deadline. A replay rebuilds it.
CREATE TABLE phase_window_due (
    incident_id varchar(64) NOT NULL,
    phase       varchar(20) NOT NULL,
    deadline    timestamptz NOT NULL,
    PRIMARY KEY (incident_id, phase)
);
CREATE INDEX phase_window_due_deadline ON phase_window_due (deadline);
