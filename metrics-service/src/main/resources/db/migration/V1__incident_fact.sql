-- One row per incident: the facts the DR metrics are computed from, projected from its events.
CREATE TABLE incident_fact (
    incident_id            varchar(64)  PRIMARY KEY,
    scenario               varchar(100) NOT NULL,
    severity               varchar(20)  NOT NULL,
    drill                  boolean      NOT NULL,
    rto_seconds            bigint       NOT NULL,
    rpo_seconds            bigint,
    detected_at            timestamptz  NOT NULL,
    suspected_damage_start timestamptz,
    declared_at            timestamptz  NOT NULL,
    closed_at              timestamptz
);
