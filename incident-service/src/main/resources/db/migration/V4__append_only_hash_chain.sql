-- The audit trail is the events themselves. Here PostgreSQL makes it provable:
-- 1. every stored event is linked, as it is inserted, into a SHA-256 chain over its canonical bytes and
--    the previous link (a row lock on the chain head serialises the appends, so no link is skipped);
-- 2. stored events, their links and the signed checkpoints refuse UPDATE, DELETE and TRUNCATE.

CREATE TABLE event_chain (
    chain_seq        bigint      PRIMARY KEY,
    global_index     bigint      NOT NULL UNIQUE,
    event_identifier varchar(255) NOT NULL,
    prev_hash        bytea       NOT NULL,
    hash             bytea       NOT NULL
);

CREATE TABLE event_chain_head (
    id        int    PRIMARY KEY CHECK (id = 1),
    chain_seq bigint NOT NULL,
    hash      bytea  NOT NULL
);
INSERT INTO event_chain_head VALUES (1, 0, '\x0000000000000000000000000000000000000000000000000000000000000000');

-- A signed statement "the chain up to chain_seq ends in hash", made at a fixed interval (Ed25519).
CREATE TABLE chain_checkpoint (
    chain_seq  bigint      PRIMARY KEY,
    hash       bytea       NOT NULL,
    key_id     varchar(64) NOT NULL,
    signature  bytea       NOT NULL,
    signed_at  timestamptz NOT NULL
);

-- The canonical bytes of a stored event: each field length-prefixed, so no two events share them.
CREATE FUNCTION event_canonical_bytes(e DomainEventEntry) RETURNS bytea LANGUAGE sql IMMUTABLE AS $$
    SELECT int4send(length(convert_to(e.eventIdentifier, 'UTF8'))) || convert_to(e.eventIdentifier, 'UTF8')
        || int4send(length(convert_to(e.aggregateIdentifier, 'UTF8'))) || convert_to(e.aggregateIdentifier, 'UTF8')
        || int8send(e.sequenceNumber)
        || int4send(length(convert_to(coalesce(e.type, ''), 'UTF8'))) || convert_to(coalesce(e.type, ''), 'UTF8')
        || int4send(length(convert_to(e.payloadType, 'UTF8'))) || convert_to(e.payloadType, 'UTF8')
        || int4send(length(convert_to(coalesce(e.payloadRevision, ''), 'UTF8'))) || convert_to(coalesce(e.payloadRevision, ''), 'UTF8')
        || int4send(length(convert_to(e.timeStamp, 'UTF8'))) || convert_to(e.timeStamp, 'UTF8')
        || int4send(length(e.payload)) || e.payload
        || int4send(length(coalesce(e.metaData, ''::bytea))) || coalesce(e.metaData, ''::bytea)
$$;

CREATE FUNCTION link_event() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    head event_chain_head;
    next_hash bytea;
BEGIN
    SELECT * INTO head FROM event_chain_head WHERE id = 1 FOR UPDATE;
    next_hash := sha256(head.hash || event_canonical_bytes(NEW));
    INSERT INTO event_chain VALUES (head.chain_seq + 1, NEW.globalIndex, NEW.eventIdentifier, head.hash, next_hash);
    UPDATE event_chain_head SET chain_seq = head.chain_seq + 1, hash = next_hash WHERE id = 1;
    RETURN NULL;
END
$$;

CREATE TRIGGER domain_event_linked AFTER INSERT ON DomainEventEntry FOR EACH ROW EXECUTE FUNCTION link_event();

CREATE FUNCTION refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the audit trail is append-only: % on % is refused', TG_OP, TG_TABLE_NAME
        USING ERRCODE = 'insufficient_privilege';
END
$$;

CREATE TRIGGER domain_event_append_only BEFORE UPDATE OR DELETE ON DomainEventEntry
    FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER domain_event_no_truncate BEFORE TRUNCATE ON DomainEventEntry
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();
CREATE TRIGGER event_chain_append_only BEFORE UPDATE OR DELETE ON event_chain
    FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER event_chain_no_truncate BEFORE TRUNCATE ON event_chain
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();
CREATE TRIGGER checkpoint_append_only BEFORE UPDATE OR DELETE ON chain_checkpoint
    FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER checkpoint_no_truncate BEFORE TRUNCATE ON chain_checkpoint
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();
