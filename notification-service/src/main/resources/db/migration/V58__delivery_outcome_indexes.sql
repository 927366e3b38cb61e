-- The alert gauges (query/DeliveryGauges) count, at every scrape of every instance, the plan's messages given up and
-- the deadlines breached in the last 24 h. The table grows for as long as the plan runs; these keep each count to the
-- rows of the window instead of a scan of every message ever sent.
CREATE INDEX notification_delivery_failed ON notification_delivery (scheduled_at) WHERE status = 'FAILED';
CREATE INDEX notification_delivery_breached ON notification_delivery (due_at) WHERE deadline = 'BREACHED';
