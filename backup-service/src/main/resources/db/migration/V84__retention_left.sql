-- How many completed backups of each database the last retention run left (halted runs and runs whose deletions
-- failed included): a run leaves a database at most dr.backup.retention.max-deletes-per-run backups fewer than the
-- run before it left (RetentionSettings.deletesAllowed).
CREATE TABLE retention_left (
    database_name varchar(100) PRIMARY KEY,
    backups_left  integer      NOT NULL,
    ran_at        timestamptz  NOT NULL
);
