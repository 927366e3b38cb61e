-- a restore may replay the whole archive (the protected server lost), and says which tier it read
ALTER TABLE pitr_restore ADD COLUMN to_end_of_archive boolean NOT NULL DEFAULT false;
ALTER TABLE pitr_restore ADD COLUMN tier text;
