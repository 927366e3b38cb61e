-- The open incidents (neither closed nor cancelled), newest first: the board and `GET /api/incidents?open=true`
-- read these few among years of closed ones, and count them, without reading the table.
CREATE INDEX incident_summary_open ON incident_summary (declared_at DESC, id)
    WHERE status NOT IN ('CLOSED', 'CANCELLED');
