-- ShedLock's table (org.drcc.kit.schedule.ClusterOnce): a scheduled job holds its row while it runs, so that
-- of several instances of a service only one runs it at a time. A Flyway afterMigrate callback (idempotent),
-- not a versioned migration, so that databases migrated before it existed get it too. Instances starting together
-- run it one at a time (the lock, as in db/audit: of two concurrent CREATE TABLE IF NOT EXISTS, one may fail).
DO $$ BEGIN PERFORM pg_advisory_xact_lock(hashtextextended('drcc.flyway.after-migrate', 0)); END $$;
CREATE TABLE IF NOT EXISTS shedlock (
    name       varchar(64)  NOT NULL PRIMARY KEY,
    lock_until timestamptz  NOT NULL,
    locked_at  timestamptz  NOT NULL,
    locked_by  varchar(255) NOT NULL
);
