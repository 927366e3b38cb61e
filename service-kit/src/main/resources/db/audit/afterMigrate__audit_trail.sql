-- The audit trail is the events themselves. Here PostgreSQL makes it provable, for the Axon event store
-- (DomainEventEntry) of any service that adds classpath:db/audit to its Flyway locations:
-- 1. every stored event is queued, as it is inserted, in event_chain_pending (a row of its own: appends do not
--    wait for each other); once committed it is linked by the linker, link_pending(), into a SHA-256 chain over
--    its canonical bytes and the previous link, in the order the linker finds the events (by globalIndex within a
--    batch; an event of a transaction that commits late is linked later, its link records its global_index). One
--    linker at a time per database (an advisory lock and the chain head's row), so the chain never forks;
--    org.drcc.kit.audit.ChainLinker calls it every 200 ms, before a checkpoint is signed and before a verification;
-- 2. stored events, their links and the signed checkpoints refuse UPDATE, DELETE and TRUNCATE; a queued event's
--    row may be deleted only once the event is linked.
-- A Flyway afterMigrate callback, so it runs after every migration and must stay idempotent.

-- Flyway's lock covers the versioned migrations, not this callback: instances of a service starting together ran it
-- side by side, and PostgreSQL refuses two transactions replacing one function at once ("tuple concurrently
-- updated"), so an instance failed to start. The script is one transaction; this lock, taken first, queues them.
DO $$ BEGIN PERFORM pg_advisory_xact_lock(hashtextextended('drcc.flyway.after-migrate', 0)); END $$;

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

-- Stored events not linked yet: one row per event, written by the insert trigger in the event's own transaction
-- (so it commits, or rolls back, with the event) and deleted by the linker in the transaction that links it.
CREATE TABLE IF NOT EXISTS event_chain_pending (
    global_index bigint      PRIMARY KEY,
    queued_at    timestamptz NOT NULL DEFAULT clock_timestamp()
);

-- A signed statement "the chain up to chain_seq ends in hash", made at a fixed interval (Ed25519).
CREATE TABLE IF NOT EXISTS chain_checkpoint (
    chain_seq  bigint      PRIMARY KEY,
    hash       bytea       NOT NULL,
    key_id     varchar(64) NOT NULL,
    signature  bytea       NOT NULL,
    signed_at  timestamptz NOT NULL
);

-- The canonical bytes of a stored event: each field length-prefixed, so no two events share them. STABLE, as
-- convert_to is: PostgreSQL inlines an SQL function into the statement that calls it only when the function claims
-- no more than its body's functions do. Declared IMMUTABLE it was called as a function from each of the linker's
-- INSERTs instead, and 500 events took about 100 ms to link instead of 25 (docs/benchmarks.md).
CREATE OR REPLACE FUNCTION event_canonical_bytes(e DomainEventEntry) RETURNS bytea LANGUAGE sql STABLE AS $$
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

-- Until this version every insert linked its event at once under the head's row lock, which every transaction
-- storing an event then held until it committed: the appends of a service queued on that one row.
DROP TRIGGER IF EXISTS domain_event_linked ON DomainEventEntry;
DROP FUNCTION IF EXISTS link_event();
DROP FUNCTION IF EXISTS link_row(DomainEventEntry);

-- SECURITY DEFINER (as the owner, with the search path pinned below): the role a service runs as cannot write the
-- queue, the links or the head itself, only through these two functions.
CREATE OR REPLACE FUNCTION queue_event() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER AS $$
BEGIN
    INSERT INTO event_chain_pending (global_index) VALUES (NEW.globalIndex);
    RETURN NULL;
END
$$;

CREATE OR REPLACE TRIGGER domain_event_queued AFTER INSERT ON DomainEventEntry
    FOR EACH ROW EXECUTE FUNCTION queue_event();

-- Links up to max_events committed queued events, in globalIndex order, appends them to the chain, moves the head
-- and deletes their queue rows, all in the caller's (short) transaction. One linker at a time: with wait it waits
-- for another one to finish, without it answers -1 at once when another one is at work. Answers how many queued
-- events it took (a queued event already linked, which only a hand-made queue row could give, is taken and not
-- linked twice); a queue row whose event is gone stays, for the verifier to report.
CREATE OR REPLACE FUNCTION link_pending(max_events int, wait boolean) RETURNS int LANGUAGE plpgsql SECURITY DEFINER AS $$
DECLARE
    head event_chain_head;
    r DomainEventEntry;
    seq bigint;
    prev bytea;
    taken int := 0;
BEGIN
    -- idle: a read, no lock and no write (a row lock would write WAL every call)
    IF NOT EXISTS (SELECT 1 FROM event_chain_pending) THEN
        RETURN 0;
    END IF;
    IF wait THEN
        PERFORM pg_advisory_xact_lock(hashtextextended('drcc.event_chain.linker', 0));
    ELSIF NOT pg_try_advisory_xact_lock(hashtextextended('drcc.event_chain.linker', 0)) THEN
        RETURN -1;
    END IF;
    -- and the head's row, which only a linker moves
    SELECT * INTO head FROM event_chain_head WHERE id = 1 FOR UPDATE;
    seq := head.chain_seq;
    prev := head.hash;
    -- a statement after the lock: its snapshot sees what the linker before this one linked and deleted.
    -- Each queued event is looked up by its index (LATERAL ... OFFSET 0 keeps the lookup from being merged into a
    -- join): the queue's churn leaves its size estimate stale between two ANALYZEs (tens of thousands of rows where
    -- a few hundred are left), and from that estimate PostgreSQL chose a merge join, walking the event store's
    -- whole index from the first event at every call, ever slower as the store grows (docs/benchmarks.md).
    FOR r IN SELECT e.* FROM event_chain_pending p
             CROSS JOIN LATERAL (SELECT * FROM DomainEventEntry d WHERE d.globalIndex = p.global_index OFFSET 0) e
             ORDER BY p.global_index LIMIT max_events LOOP
        IF NOT EXISTS (SELECT 1 FROM event_chain WHERE global_index = r.globalIndex) THEN
            seq := seq + 1;
            INSERT INTO event_chain VALUES (seq, r.globalIndex, r.eventIdentifier, prev, sha256(prev || event_canonical_bytes(r)))
                RETURNING hash INTO prev;
        END IF;
        DELETE FROM event_chain_pending WHERE global_index = r.globalIndex;
        taken := taken + 1;
    END LOOP;
    IF seq <> head.chain_seq THEN
        UPDATE event_chain_head SET chain_seq = seq, hash = prev WHERE id = 1;
    END IF;
    RETURN taken;
END
$$;

DO $$
BEGIN
    EXECUTE format('ALTER FUNCTION queue_event() SET search_path = %I, pg_temp', current_schema());
    EXECUTE format('ALTER FUNCTION link_pending(int, boolean) SET search_path = %I, pg_temp', current_schema());
END
$$;

CREATE OR REPLACE FUNCTION refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the audit trail is append-only: % on % is refused', TG_OP, TG_TABLE_NAME
        USING ERRCODE = 'insufficient_privilege';
END
$$;

-- A queued event leaves the queue only linked: deleting its row otherwise would hide it from the linker.
CREATE OR REPLACE FUNCTION refuse_unlinked_dequeue() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM event_chain WHERE global_index = OLD.global_index) THEN
        RAISE EXCEPTION 'the audit trail is append-only: event % is not linked yet and stays queued', OLD.global_index
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN OLD;
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
CREATE OR REPLACE TRIGGER pending_no_update BEFORE UPDATE ON event_chain_pending
    FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE OR REPLACE TRIGGER pending_linked_only BEFORE DELETE ON event_chain_pending
    FOR EACH ROW EXECUTE FUNCTION refuse_unlinked_dequeue();
CREATE OR REPLACE TRIGGER pending_no_truncate BEFORE TRUNCATE ON event_chain_pending
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();

-- Installed on a store that already holds events: queue them all once, so that the linker links them in their
-- order before anything is signed (the checkpoint writer links first). Never afterwards: an event found outside the
-- chain and the queue later is reported, not adopted. A store linked by the older version keeps its chain.
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM event_chain) AND NOT EXISTS (SELECT 1 FROM chain_checkpoint)
       AND NOT EXISTS (SELECT 1 FROM event_chain_pending) THEN
        INSERT INTO event_chain_pending (global_index) SELECT globalIndex FROM DomainEventEntry;
    END IF;
END
$$;

-- Least privilege (deploy/postgres/least-privilege.psql): a role that runs the service but does not own these
-- tables keeps INSERT and SELECT on the stored events and the checkpoints, only SELECT on the links, the head and
-- the queue (the two functions above write them as the owner), and nothing that could change them; default
-- privileges may have granted it more. Only the owner (the role that migrates) keeps the rest.
DO $$
DECLARE g record;
BEGIN
    FOR g IN SELECT DISTINCT r.grantee, r.table_name FROM information_schema.role_table_grants r
             JOIN pg_tables t ON t.schemaname = r.table_schema AND t.tablename = r.table_name
             WHERE r.table_schema = current_schema()
               AND (r.table_name IN ('domainevententry', 'chain_checkpoint')
                        AND r.privilege_type IN ('UPDATE', 'DELETE', 'TRUNCATE', 'REFERENCES', 'TRIGGER')
                    OR r.table_name IN ('event_chain', 'event_chain_head', 'event_chain_pending')
                        AND r.privilege_type IN ('INSERT', 'UPDATE', 'DELETE', 'TRUNCATE', 'REFERENCES', 'TRIGGER'))
               AND r.grantee <> t.tableowner
    LOOP
        EXECUTE format('REVOKE %s UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON %I FROM %s',
                       CASE WHEN g.table_name IN ('domainevententry', 'chain_checkpoint') THEN '' ELSE 'INSERT,' END,
                       g.table_name, CASE WHEN g.grantee = 'PUBLIC' THEN 'PUBLIC' ELSE quote_ident(g.grantee) END);
    END LOOP;
END
$$;
