-- An Idempotency-Key is its caller's own: the same key from another caller is another request. Rows older than
-- dr.incident.idempotency-key-retention are deleted as new keys come (created_at is indexed for that).
ALTER TABLE idempotency_key ADD COLUMN caller varchar(200) NOT NULL DEFAULT '';
ALTER TABLE idempotency_key DROP CONSTRAINT idempotency_key_pkey;
ALTER TABLE idempotency_key ADD PRIMARY KEY (caller, key);
CREATE INDEX idempotency_key_created_at ON idempotency_key (created_at);
