-- Incidents stored before V30 have no outage_ended_at, though most of them ended long ago: to the extended-outage
-- round they look open, and each audience told only of an extended outage would be sent a message about every one
-- of them. What this database itself knows ends them: a recovery-completion or post-incident-summary message
-- (scheduled when the incident was restored, validated or closed), or the status page's phase (restored, validated,
-- closed, cancelled; no drill is on it); a drill declared before V30, by its declaration. Left looking open: an
-- incident (not a drill) cancelled before V30 before any message of those kinds. On a database that had V30 from its
-- start this changes nothing.
UPDATE incident_brief b SET outage_ended_at = ended.at
FROM (SELECT incident_id, min(scheduled_at) AS at FROM notification_delivery
      WHERE kind IN ('recovery-completion', 'post-incident-summary') GROUP BY incident_id) ended
WHERE b.incident_id = ended.incident_id AND b.outage_ended_at IS NULL;

UPDATE incident_brief b SET outage_ended_at = s.updated_at
FROM status_incident s
WHERE s.incident_id = b.incident_id AND b.outage_ended_at IS NULL
  AND s.status IN ('restored', 'validated', 'closed', 'cancelled');

-- A drill declared before V30 with neither: a drill is over within the day, and none of them outlived an upgrade.
UPDATE incident_brief SET outage_ended_at = declared_at
WHERE outage_ended_at IS NULL AND drill
  AND declared_at < (SELECT installed_on FROM flyway_schema_history WHERE version = '30' AND success);
