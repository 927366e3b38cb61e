-- The events each incident's clocks were read from, and where its restore's evidence comes from (issue 20).
ALTER TABLE incident_fact
    ADD COLUMN declared_event_id       varchar(100),
    ADD COLUMN restored_event_id       varchar(100),
    ADD COLUMN restore_evidence        varchar(20),
    ADD COLUMN restore_source_event_id varchar(100);
