-- The Prometheus scrape (and the API's periods) count the facts of a window, a year by default, in SQL instead of
-- reading every fact of the seven years kept: the backups started in the window and the notifications due in it, by
-- their time; the databases and tiers ever seen, by a loose index scan (one lookup per name); each database's newest
-- good backup, by one lookup among the good backups not expired; the SLA's outages, by their end (the restore, or
-- none yet: an outage not restored runs on).
CREATE INDEX backup_fact_started_at ON backup_fact (started_at);
CREATE INDEX backup_fact_database ON backup_fact (database);
CREATE INDEX backup_fact_newest_good ON backup_fact (database, (COALESCE(snapshot_at, completed_at)))
    WHERE completed_at IS NOT NULL AND failed_at IS NULL AND verified_at IS NOT NULL
        AND verification_failed_at IS NULL AND expired_at IS NULL;
CREATE INDEX notification_fact_due_at ON notification_fact (due_at);
CREATE INDEX notification_fact_tier ON notification_fact (tier);
CREATE INDEX incident_fact_outage_end ON incident_fact ((COALESCE(restored_at, 'infinity')))
    WHERE NOT drill AND cancelled_at IS NULL;
