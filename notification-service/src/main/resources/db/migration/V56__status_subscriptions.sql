-- Subscriptions to the public status page, by e-mail or webhook. The address or URL (a webhook URL may carry a
-- token: it is a secret) and the subscriber's token are stored only sealed with the subscription's own key in the
-- keyring: unsubscribing, expiry or the person's erasure destroys that key, and with it both. The token is found
-- by its SHA-256; the target by its SHA-256 (lower-cased), to refuse a second subscription of the same target and to
-- find a person's subscriptions when they are erased.
CREATE TABLE status_subscription (
    seq             bigserial    NOT NULL UNIQUE,
    subscription_id varchar(80)  PRIMARY KEY,
    channel         varchar(20)  NOT NULL,
    target          text,
    target_hash     bytea        NOT NULL,
    token           text,
    token_hash      bytea        NOT NULL UNIQUE,
    status          varchar(20)  NOT NULL,
    created_at      timestamptz  NOT NULL,
    confirm_by      timestamptz,
    confirmed_at    timestamptz,
    ended_at        timestamptz
);
CREATE INDEX status_subscription_target ON status_subscription (target_hash);
CREATE INDEX status_subscription_status ON status_subscription (status, seq);

-- Each line the public status page adds (a phase in public words, an update a person published), once, to be told
-- to the confirmed subscribers: fanned out in bounded batches, the cursor (the last subscriber's seq) advanced
-- after each, so a crash repeats a batch, and a repeated batch names the same notifications (no second message).
CREATE TABLE status_broadcast (
    event_id    varchar(200) PRIMARY KEY,
    incident_id varchar(200) NOT NULL,
    status      varchar(40)  NOT NULL,
    text        text,
    occurred_at timestamptz  NOT NULL,
    recorded_at timestamptz  NOT NULL,
    told_up_to  bigint       NOT NULL DEFAULT 0,
    done        boolean      NOT NULL DEFAULT false
);
CREATE INDEX status_broadcast_open ON status_broadcast (recorded_at) WHERE NOT done;
