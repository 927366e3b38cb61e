-- Backups are held while an incident is open: retention never expires what a recovery may need.
CREATE TABLE incident_hold (
    incident_id            varchar(64)  PRIMARY KEY,
    scenario               varchar(100) NOT NULL,
    drill                  boolean      NOT NULL,
    suspected_damage_start timestamptz,
    held_since             timestamptz  NOT NULL,
    released_at            timestamptz
);
