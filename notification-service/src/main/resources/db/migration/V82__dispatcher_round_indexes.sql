-- The dispatcher asks at every round (each second, and back to back in a burst) for the messages past their tier's
-- deadline with no deadline outcome yet and for the declarations nobody acknowledged. Both questions read every
-- message ever sent: with a million rows, 70 and 220 ms a round (docs/benchmarks.md), for as long as the plan runs.
-- These keep each to what is still open. Numbered after service-kit's V81, so a database already past it takes this
-- one too.

-- Messages unsent with a deadline not decided yet: few at any time, whatever the table's size.
CREATE INDEX notification_delivery_deadline_open ON notification_delivery (due_at)
    WHERE deadline IS NULL AND status <> 'SENT' AND due_at IS NOT NULL;

-- The declarations whose escalation is not decided yet: the delivery projection adds each declaration with its first
-- message; the dispatcher removes it once decided (escalated, acknowledged by someone of the escalation tier, or
-- never sent to that tier), query/Deliveries.unacknowledged. A table of its own, so that its size is the open
-- declarations' and PostgreSQL's estimates are its own: a flag on notification_delivery stayed set on the messages
-- of the other tiers and misled the planner into reading the whole table.
CREATE TABLE declaration_undecided (
    source_event_id varchar(255) PRIMARY KEY,
    incident_id     varchar(64)  NOT NULL,
    scheduled_at    timestamptz  NOT NULL
);
CREATE INDEX declaration_undecided_scheduled ON declaration_undecided (scheduled_at);
-- every declaration not escalated: the escalation tier is the plan's, not known here; the first round decides those
-- acknowledged (one pass over them, then never again)
INSERT INTO declaration_undecided (source_event_id, incident_id, scheduled_at)
SELECT d.source_event_id, min(d.incident_id), min(d.scheduled_at) FROM notification_delivery d
WHERE d.kind = 'incident-declaration'
  AND NOT EXISTS (SELECT 1 FROM notification_escalation e WHERE e.source_event_id = d.source_event_id)
GROUP BY d.source_event_id;

-- The acknowledged messages, for the dispatcher's check of a declaration: few of all (one or two a declaration).
CREATE INDEX notification_delivery_acknowledged ON notification_delivery (source_event_id, tier)
    WHERE acknowledged_at IS NOT NULL;
