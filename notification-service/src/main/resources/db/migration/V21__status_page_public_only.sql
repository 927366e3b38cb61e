-- The public status page publishes only what a person marked public (POST /api/status/incidents/{id}/updates).
-- What was projected before from internal write-ups goes: the phases' summaries and reasons, the notes sent to
-- the stakeholders as status updates, and the incidents' internal titles. The incident events keep them all.
ALTER TABLE status_incident ADD COLUMN public_title varchar(200);
ALTER TABLE status_update ADD COLUMN published_by varchar(255);
DELETE FROM status_update WHERE status = 'update';
UPDATE status_update SET text = NULL;
UPDATE status_incident SET title = NULL;
