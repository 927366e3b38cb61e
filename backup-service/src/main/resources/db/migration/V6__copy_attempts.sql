-- A tier copy is retried with backoff and given up after its attempts: the read model counts each
-- tier's failed attempts and keeps when the copy was given up.
ALTER TABLE backup_copy ADD COLUMN attempts integer NOT NULL DEFAULT 0;
ALTER TABLE backup_copy ADD COLUMN abandoned_at timestamptz;
UPDATE backup_copy SET attempts = 1 WHERE status = 'FAILED';
