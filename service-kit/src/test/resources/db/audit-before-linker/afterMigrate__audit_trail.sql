-- The audit trail's migration as it was before the linker (events linked at insert under the head's row lock),
-- kept for ChainLinkerIT's upgrade test: a store it built must keep its chain under the current one.
-- The audit trail is the events themselves. Here PostgreSQL makes it provable, for the Axon event store
-- (DomainEventEntry) of any service that adds classpath:db/audit to its Flyway locations:
-- 1. every stored event is linked, as it is inserted, into a SHA-256 chain over its canonical bytes and
--    the previous link (a row lock on the chain head serialises the appends, so no link is skipped);
-- 2. stored events, their links and the signed checkpoints refuse UPDATE, DELETE and TRUNCATE.
-- A Flyway afterMigrate callback, so it runs after every migration and must stay idempotent.

CREATE TABLE IF NOT EXISTS event_chain (
    chain_seq        bigint      PRIMARY KEY,
    global_index     bigint      NOT NULL UNIQUE,
    event_identifier varchar(255) NOT NULL,
    prev_hash        bytea       NOT NULL,
    hash             bytea       NOT NULL
);

CREATE TABLE IF NOT EXISTS event_chain_head (
    id        int    PRIMARY KEY CHECK (id = 1),
    chain_seq bigint NOT NULL,
    hash      bytea  NOT NULL
);
INSERT INTO event_chain_head VALUES (1, 0, '\x0000000000000000000000000000000000000000000000000000000000000000')
    ON CONFLICT (id) DO NOTHING;

-- A signed statement "the chain up to chain_seq ends in hash", made at a fixed interval (Ed25519).
CREATE TABLE IF NOT EXISTS chain_checkpoint (
    chain_seq  bigint      PRIMARY KEY,
    hash       bytea       NOT NULL,
    key_id     varchar(64) NOT NULL,
    signature  bytea       NOT NULL,
    signed_at  timestamptz NOT NULL
);

-- The canonical bytes of a stored event: each field length-prefixed, so no two events share them.
CREATE OR REPLACE FUNCTION event_canonical_bytes(e DomainEventEntry) RETURNS bytea LANGUAGE sql IMMUTABLE AS $$
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

CREATE OR REPLACE FUNCTION link_row(e DomainEventEntry) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    head event_chain_head;
    next_hash bytea;
BEGIN
    SELECT * INTO head FROM event_chain_head WHERE id = 1 FOR UPDATE;
    next_hash := sha256(head.hash || event_canonical_bytes(e));
    INSERT INTO event_chain VALUES (head.chain_seq + 1, e.globalIndex, e.eventIdentifier, head.hash, next_hash);
    UPDATE event_chain_head SET chain_seq = head.chain_seq + 1, hash = next_hash WHERE id = 1;
END
$$;

CREATE OR REPLACE FUNCTION link_event() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM link_row(NEW);
    RETURN NULL;
END
$$;

CREATE OR REPLACE TRIGGER domain_event_linked AFTER INSERT ON DomainEventEntry FOR EACH ROW EXECUTE FUNCTION link_event();

CREATE OR REPLACE FUNCTION refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the audit trail is append-only: % on % is refused', TG_OP, TG_TABLE_NAME
        USING ERRCODE = 'insufficient_privilege';
END
$$;

CREATE OR REPLACE TRIGGER domain_event_append_only BEFORE UPDATE OR DELETE ON DomainEventEntry
    FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE OR REPLACE TRIGGER domain_event_no_truncate BEFORE TRUNCATE ON DomainEventEntry
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();
CREATE OR REPLACE TRIGGER event_chain_append_only BEFORE UPDATE OR DELETE ON event_chain
    FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE OR REPLACE TRIGGER event_chain_no_truncate BEFORE TRUNCATE ON event_chain
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();
CREATE OR REPLACE TRIGGER checkpoint_append_only BEFORE UPDATE OR DELETE ON chain_checkpoint
    FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE OR REPLACE TRIGGER checkpoint_no_truncate BEFORE TRUNCATE ON chain_checkpoint
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();

-- Installed on a store that already holds events: link them once, in their order, before anything is
-- signed. Never afterwards: an event found outside the chain later is reported, not adopted.
DO $$
DECLARE r record;
BEGIN
    IF NOT EXISTS (SELECT 1 FROM event_chain) AND NOT EXISTS (SELECT 1 FROM chain_checkpoint) THEN
        FOR r IN SELECT * FROM DomainEventEntry ORDER BY globalIndex LOOP
            PERFORM link_row(r);
        END LOOP;
    END IF;
END
$$;

-- Least privilege (deploy/postgres/least-privilege.psql): a role that runs the service but does not own these
-- tables keeps INSERT and SELECT on the stored events, their links and the checkpoints, and nothing that could
-- change them; default privileges may have granted it more. Only the owner (the role that migrates) keeps the rest.
DO $$
DECLARE g record;
BEGIN
    FOR g IN SELECT DISTINCT r.grantee, r.table_name FROM information_schema.role_table_grants r
             JOIN pg_tables t ON t.schemaname = r.table_schema AND t.tablename = r.table_name
             WHERE r.table_schema = current_schema()
               AND r.table_name IN ('domainevententry', 'event_chain', 'chain_checkpoint')
               AND r.privilege_type IN ('UPDATE', 'DELETE', 'TRUNCATE', 'REFERENCES', 'TRIGGER')
               AND r.grantee <> t.tableowner
    LOOP
        EXECUTE format('REVOKE UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON %I FROM %s', g.table_name,
                       CASE WHEN g.grantee = 'PUBLIC' THEN 'PUBLIC' ELSE quote_ident(g.grantee) END);
    END LOOP;
END
$$;
