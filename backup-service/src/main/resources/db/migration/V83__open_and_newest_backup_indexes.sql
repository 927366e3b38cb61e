-- The questions asked by the clock and by every page (Backups), answered without reading the history: the backup
-- tables keep every backup, copy and restore for years.

-- the RPO watch, every minute per database: its newest completed backup verified by restore
CREATE INDEX backup_newest_good ON backup (database_name, snapshot_at DESC)
    WHERE status = 'COMPLETED' AND verification = 'VERIFIED';
-- the weekly verification sweep: the completed backups never verified, newest first
CREATE INDEX backup_unverified ON backup (snapshot_at DESC) WHERE status = 'COMPLETED' AND verification = 'UNVERIFIED';
-- the list of backups, newest first, and of one status (of one database: backup_by_database); by status too, as
-- the planner cannot know that the expired ones are all old and would walk every newer backup to find them
CREATE INDEX backup_newest_first ON backup (started_at DESC);
CREATE INDEX backup_by_status ON backup (status, started_at DESC);
-- the copy gauges, at every scrape: each tier's copies failed and still retried, or given up (their query names
-- both statuses, so that a prepared statement's generic plan can use it)
CREATE INDEX backup_copy_missing ON backup_copy (tier, status) WHERE status IN ('FAILED', 'ABANDONED');
-- the restores still running, every lease renewal (orphans) and before every restore
CREATE INDEX backup_restore_running ON backup_restore (started_at DESC) WHERE status = 'RUNNING';
-- a backup's restores, at every read of the backup
CREATE INDEX backup_restore_of_backup ON backup_restore (backup_id, started_at DESC);
