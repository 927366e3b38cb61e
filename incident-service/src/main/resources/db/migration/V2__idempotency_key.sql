-- Responses to commands sent with an Idempotency-Key: a retried request gets the first answer back.
CREATE TABLE idempotency_key (
    key          varchar(200) PRIMARY KEY,
    fingerprint  varchar(64)  NOT NULL,
    status       int,
    etag         varchar(100),
    location     varchar(500),
    body         text,
    created_at   timestamptz  NOT NULL DEFAULT now()
);
