-- one base backup of the protected server at a time across backup-service's instances (the row is the claim; an
-- instance that stopped leaves it, and the orphans' sweep fails that base backup and removes it)
CREATE TABLE base_backup_running (
    database_name text PRIMARY KEY,
    backup_id     text NOT NULL UNIQUE,
    started_at    timestamptz NOT NULL DEFAULT now()
);
