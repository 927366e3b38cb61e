-- The idempotent consumer's memory: one row per (consumer, event) already acted on.
CREATE TABLE processed_event (
    consumer     varchar(100) NOT NULL,
    event_id     varchar(100) NOT NULL,
    processed_at timestamptz  NOT NULL DEFAULT now(),
    PRIMARY KEY (consumer, event_id)
);
