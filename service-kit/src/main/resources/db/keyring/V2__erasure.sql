-- Erasures under four eyes: one person requests, a second confirms, then every service erases its part.
-- The person is named only by the keyring's HMAC of their identifier (as in person_key), never in clear;
-- the requester and the confirmer are in clear: they are the erasure's accountable operators.
CREATE TABLE erasure (
    erasure_id   uuid        PRIMARY KEY,
    lookup       bytea       NOT NULL,
    reason       text        NOT NULL,
    requested_by text        NOT NULL,
    requested_at timestamptz NOT NULL,
    confirmed_by text,
    confirmed_at timestamptz,
    CONSTRAINT erasure_four_eyes CHECK (confirmed_by IS NULL OR lower(confirmed_by) <> lower(requested_by)),
    CONSTRAINT erasure_confirmed CHECK ((confirmed_by IS NULL) = (confirmed_at IS NULL))
);
