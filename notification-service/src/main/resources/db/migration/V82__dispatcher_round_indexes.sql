-- The dispatcher asks at every round (each second, and back to back in a burst) for the messages past their tier's
-- deadline with no deadline outcome yet and for the declarations nobody acknowledged. Both questions read every
-- message ever sent: with a million rows, 70 and 220 ms a round (docs/benchmarks.md), for as long as the plan runs.
-- These keep each to the messages still open. Numbered after service-kit's V81, so a database already past it
-- takes this one too.

-- Messages unsent with a deadline not decided yet: few at any time, whatever the table's size.
CREATE INDEX notification_delivery_deadline_open ON notification_delivery (due_at)
    WHERE deadline IS NULL AND status <> 'SENT' AND due_at IS NOT NULL;

-- A declaration's message whose declaration nobody of its tier has acknowledged yet and that was not escalated:
-- true from its schedule until then (kept by the delivery projection), false for every other message. It only
-- narrows the dispatcher's question to the declarations still open, with an index that holds those alone; the
-- question itself still checks both (query/Deliveries). A flag of its own, rather than "settled" beside the kind:
-- PostgreSQL, estimating the two columns apart, took a settled declaration for a rare thing and read the table.
ALTER TABLE notification_delivery ADD COLUMN awaiting_acknowledgement boolean NOT NULL DEFAULT false;
UPDATE notification_delivery d SET awaiting_acknowledgement = true
WHERE d.kind = 'incident-declaration'
  AND NOT EXISTS (SELECT 1 FROM notification_escalation e WHERE e.source_event_id = d.source_event_id)
  AND NOT EXISTS (SELECT 1 FROM notification_delivery a
                  WHERE a.source_event_id = d.source_event_id AND a.tier = d.tier AND a.acknowledged_at IS NOT NULL);
CREATE INDEX notification_delivery_awaiting_acknowledgement ON notification_delivery (tier, scheduled_at)
    WHERE awaiting_acknowledgement;
