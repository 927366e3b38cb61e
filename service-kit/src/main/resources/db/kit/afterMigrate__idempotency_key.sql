-- Answers to requests sent with an Idempotency-Key (org.drcc.kit.idempotency.IdempotencyKeys): a retried request
-- gets the first answer back. A key is its caller's own; rows older than dr.idempotency-key.retention are deleted by
-- a sweep (created_at is indexed for that). A Flyway afterMigrate callback (idempotent), not a versioned migration:
-- incident-service's databases have had this table, in this shape, from its own migrations (V2, V4), and the other
-- services' databases get it as they are migrated. Instances starting together run it one at a time (as shedlock's).
DO $$ BEGIN PERFORM pg_advisory_xact_lock(hashtextextended('drcc.flyway.after-migrate', 0)); END $$;
CREATE TABLE IF NOT EXISTS idempotency_key (
    caller       varchar(200) NOT NULL DEFAULT '',
    key          varchar(200) NOT NULL,
    fingerprint  varchar(64)  NOT NULL,
    status       int,
    etag         varchar(100),
    location     varchar(500),
    body         text,
    created_at   timestamptz  NOT NULL DEFAULT now(),
    PRIMARY KEY (caller, key)
);
-- made only when missing: CREATE INDEX IF NOT EXISTS would lock the table against new keys at every start
DO $$ BEGIN
    IF to_regclass('idempotency_key_created_at') IS NULL THEN
        CREATE INDEX idempotency_key_created_at ON idempotency_key (created_at);
    END IF;
END $$;
