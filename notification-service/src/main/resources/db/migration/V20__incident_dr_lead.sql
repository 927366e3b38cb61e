-- The person the incident names as its DR lead (dr.incident.role-assigned.v1, role DR_LEAD): besides the members
-- of a message's audience, the one who may acknowledge it (and so stop its escalation). Overwritten with
-- [forgotten] when the person is forgotten.
ALTER TABLE incident_brief ADD COLUMN dr_lead varchar(255);
