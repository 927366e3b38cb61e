-- The last verdict of the scheduled verification of each copy of the audit archive (org.drcc.archive.Verdicts), in
-- the host's database: every instance of the service reports it (not only the one that ran it), and a restart does not
-- forget a break. A Flyway afterMigrate callback (idempotent), as the kit's shedlock, so that a database migrated
-- before it gets it too; the host lists classpath:db/archive in its Flyway locations. Instances starting together run
-- it one at a time (the lock the kit's callbacks take).
DO $$ BEGIN PERFORM pg_advisory_xact_lock(hashtextextended('drcc.flyway.after-migrate', 0)); END $$;
CREATE TABLE IF NOT EXISTS archive_verification (
    copy         text        NOT NULL PRIMARY KEY,
    bucket       text        NOT NULL,
    intact       boolean     NOT NULL,
    verified_at  timestamptz NOT NULL,
    break_kind   text,
    break_object text
);
