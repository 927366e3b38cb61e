-- The key id a backup's dump is encrypted with (dr.backup.encrypted.v1, or the catalogue of an imported backup);
-- null: stored unencrypted, as every backup taken before encryption existed.
ALTER TABLE backup ADD COLUMN encryption_key_id varchar(64);
