-- The gauge of deadlines breached (query/DeliveryGauges) counts the messages scheduled in its window, no longer those
-- due in it: a declaration's messages are due at the incident's detection plus the tier's deadline, so a declaration
-- made more than a window after the detection had every breach due before the window, and its alert never fired.
CREATE INDEX notification_delivery_breached_scheduled ON notification_delivery (scheduled_at) WHERE deadline = 'BREACHED';
DROP INDEX notification_delivery_breached;
