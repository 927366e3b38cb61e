-- A subscription's target is named by the keyring's HMAC (keyed with its pepper) instead of a plain SHA-256: a
-- copy of this table no longer tells whether a guessed address is subscribed. Only a running subscription needs a
-- name for its target (to refuse a second subscription of it, and to find an erased person's); an ended one keeps
-- none. The names written before this version are plain SHA-256: they are dropped here, and each running
-- subscription gets its keyed name back from its sealed target in the next rounds of the fan-out (its upkeep).
ALTER TABLE status_subscription ALTER COLUMN target_hash DROP NOT NULL;
UPDATE status_subscription SET target_hash = NULL;
CREATE INDEX status_subscription_unnamed ON status_subscription (seq) WHERE target_hash IS NULL AND ended_at IS NULL;

-- When the subscription's key was destroyed. Its end is committed first, the key destroyed right after; an ended
-- subscription without this time (a crash came in between) has its key destroyed by the next upkeep.
ALTER TABLE status_subscription ADD COLUMN key_destroyed_at timestamptz;
CREATE INDEX status_subscription_key_left ON status_subscription (seq) WHERE ended_at IS NOT NULL AND key_destroyed_at IS NULL;
