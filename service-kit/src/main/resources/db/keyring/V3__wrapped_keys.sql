-- Keys and the HMAC secret are stored wrapped by the key-encryption key (a Tink keyset outside this database):
-- kek_id is the id of the keyset's key that wrapped the row. NULL: stored in clear by an older version; the
-- services wrap such rows when they start (Keyring.wrapClearKeys), and a rotation re-wraps the others.
ALTER TABLE person_key ADD COLUMN kek_id bigint;
ALTER TABLE keyring_secret ADD COLUMN kek_id bigint;
