-- Which event reported a restore: dr.backup.restored.v1 (a dump) or dr.backup.restored-to-instant.v1 (point-in-time
-- recovery, whose restore point is the instant reached).
ALTER TABLE seen_backup_restore ADD COLUMN event_type text NOT NULL DEFAULT 'dr.backup.restored.v1';
