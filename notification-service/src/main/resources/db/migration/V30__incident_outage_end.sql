-- When an incident's outage ended (restored, closed or cancelled): an audience told only of an extended outage
-- ("Email notifications (if extended outage)") is owed its message while this is empty and the incident has been
-- open longer than the audience's openLongerThan.
ALTER TABLE incident_brief ADD COLUMN outage_ended_at timestamptz;
