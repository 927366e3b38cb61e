-- Two questions asked all the time read every incident ever known: the extended-outage round (every poll-interval,
-- for each audience with openLongerThan) asks for the incidents whose outage goes on, and every read of the public
-- status page for the incidents still current or declared in its last 90 days. With a million incidents of history,
-- 135 ms a round and 1.7 s a page (docs/benchmarks.md). These keep each to what is open or recent.

-- The incidents whose outage goes on (not restored, closed or cancelled), in the round's order.
CREATE INDEX incident_brief_open ON incident_brief (declared_at, incident_id) WHERE outage_ended_at IS NULL;

-- The page's incidents: the current ones (not StatusRules.ENDED), those declared in the uptime bars' days, and those
-- of the feed's lines (by the primary key); their lines by status_update_incident (V5).
CREATE INDEX status_incident_current ON status_incident (declared_at) WHERE status NOT IN ('closed', 'cancelled');
CREATE INDEX status_incident_declared ON status_incident (declared_at);
