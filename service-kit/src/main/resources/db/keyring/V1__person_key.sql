-- In the schema keyring (Flyway sets the search path). The keyring: one AES-256 key per person whose personal data appears in events (crypto-shredding).
-- Forgetting a person deletes the key and the lookup; only the pseudonymous subject id and the time remain.
CREATE TABLE keyring_secret (
    id     int   PRIMARY KEY CHECK (id = 1),
    pepper bytea NOT NULL
);

CREATE TABLE person_key (
    subject_id   uuid        PRIMARY KEY,
    lookup       bytea       UNIQUE,      -- HMAC-SHA-256(pepper, identifier); NULL once forgotten
    data_key     bytea,                   -- the person's key; NULL once forgotten
    created_at   timestamptz NOT NULL DEFAULT now(),
    forgotten_at timestamptz,
    CONSTRAINT person_key_forgotten CHECK ((forgotten_at IS NULL) = (data_key IS NOT NULL AND lookup IS NOT NULL))
);
