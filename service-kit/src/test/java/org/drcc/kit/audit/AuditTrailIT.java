package org.drcc.kit.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import javax.sql.DataSource;
import org.drcc.engines.Engines;
import org.drcc.testsupport.WithEngines;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The audit trail on a real PostgreSQL: the database refuses changes to stored events, and every kind of
 * tampering done behind its back (as a superuser with triggers off) is found and named by verify.
 * Each test gets its own database with an Axon event store, the audit migration and five chained events (linked by
 * the linker before the checkpoint is signed).
 */
@WithEngines(database = "incident")
class AuditTrailIT {

    @TempDir
    Path keys;

    private DataSource db;
    private ChainSigner signer;
    private ChainLinker linker;
    private ChainVerifier verifier;

    @BeforeEach
    void freshTrail(Engines engines) {
        db = engines.postgres().newDatabase("audit");
        Flyway.configure().dataSource(db).locations("classpath:db/kit", "classpath:db/axon", "classpath:db/audit").load().migrate();
        for (int i = 0; i < 5; i++) {
            addEvent(i);
        }
        signer = ChainSigner.fromFile(keys.resolve("audit.key"));
        linker = new ChainLinker(db, Duration.ofMillis(200));
        verifier = new ChainVerifier(db, signer, linker, Duration.ofMinutes(5), Clock.systemUTC());
        // links the five first: a checkpoint covers every event stored before it
        new CheckpointWriter(JdbcClient.create(db), linker, signer, Clock.systemUTC()).checkpoint();
    }

    @Test
    void anUntouchedTrailVerifiesWithItsCheckpoint() {
        ChainReport report = verifier.verify();
        assertThat(report.intact()).isTrue();
        assertThat(report.eventsChecked()).isEqualTo(5);
        assertThat(report.eventsPending()).isZero();
        assertThat(report.checkpointsChecked()).isEqualTo(1);
    }

    @Test
    void anEventStoredJustBeforeAVerificationIsLinkedByIt() {
        addEvent(5);
        assertThat(count("SELECT count(*) FROM event_chain_pending")).as("queued, not linked, at its commit").isOne();

        ChainReport report = verifier.verify();
        assertThat(report.intact()).isTrue();
        assertThat(report.eventsChecked()).isEqualTo(6);
        assertThat(report.eventsPending()).isZero();
    }

    @Test
    void aQueuedEventIsReportedAsNotYetLinkedAndOverdueOnceItWaitedTooLong() {
        addEvent(5);
        // the linker does not run: the event waits in the queue
        ChainVerifier linkerStopped = new ChainVerifier(db, signer, () -> { }, Duration.ofMinutes(5), Clock.systemUTC());
        ChainReport report = linkerStopped.verify();
        assertThat(report.intact()).as("waiting a moment is not a break").isTrue();
        assertThat(report.eventsChecked()).isEqualTo(5);
        assertThat(report.eventsPending()).isOne();

        ChainVerifier impatient = new ChainVerifier(db, signer, () -> { }, Duration.ZERO, Clock.systemUTC());
        assertThat(impatient.verify().firstBreak()).extracting(ChainBreak::kind, ChainBreak::eventIdentifier)
                .containsExactly("UNLINKED_EVENT", "event-5");
    }

    @Test
    void aQueueRowDeletedBehindTheTriggersIsFound() throws Exception {
        addEvent(5);
        behindTheTriggers("DELETE FROM event_chain_pending");
        assertThat(verifier.verify().firstBreak()).extracting(ChainBreak::kind, ChainBreak::globalIndex)
                .containsExactly("EXTRA_EVENT", globalIndex("event-5"));
    }

    @Test
    void aQueuedEventDeletedBehindTheTriggersIsFound() throws Exception {
        addEvent(5);
        long index = globalIndex("event-5");
        behindTheTriggers("DELETE FROM DomainEventEntry WHERE eventIdentifier = 'event-5'");
        ChainReport report = verifier.verify();
        assertThat(report.firstBreak()).extracting(ChainBreak::kind, ChainBreak::globalIndex)
                .containsExactly("MISSING_EVENT", index);
        assertThat(report.eventsChecked()).as("the linker left it queued").isEqualTo(5);
    }

    @Test
    void theDatabaseRefusesToChangeOrDeleteStoredEvents() {
        assertThatThrownBy(() -> sql("UPDATE DomainEventEntry SET payload = '\\x00' WHERE sequenceNumber = 1"))
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> sql("DELETE FROM DomainEventEntry")).hasMessageContaining("append-only");
        assertThatThrownBy(() -> sql("TRUNCATE DomainEventEntry CASCADE")).hasMessageContaining("append-only");
        assertThatThrownBy(() -> sql("DELETE FROM event_chain")).hasMessageContaining("append-only");
        assertThatThrownBy(() -> sql("UPDATE chain_checkpoint SET chain_seq = 1")).hasMessageContaining("append-only");
        addEvent(5);
        assertThatThrownBy(() -> sql("DELETE FROM event_chain_pending")).as("a queued event stays queued till linked")
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> sql("UPDATE event_chain_pending SET queued_at = now()")).hasMessageContaining("append-only");
        assertThatThrownBy(() -> sql("TRUNCATE event_chain_pending")).hasMessageContaining("append-only");
        assertThat(verifier.verify().intact()).isTrue();
    }

    @Test
    void aSingleFlippedByteIsFoundAndNamed() throws Exception {
        behindTheTriggers("UPDATE DomainEventEntry SET payload = set_byte(payload, 3, get_byte(payload, 3) # 1) "
                + "WHERE eventIdentifier = 'event-2'");
        assertThat(verifier.verify().firstBreak()).extracting(ChainBreak::kind, ChainBreak::eventIdentifier)
                .containsExactly("CHANGED_EVENT", "event-2");
    }

    @Test
    void aChangedTimestampIsFound() throws Exception {
        behindTheTriggers("UPDATE DomainEventEntry SET timeStamp = '2026-11-25T09:00:00Z' WHERE eventIdentifier = 'event-4'");
        assertThat(verifier.verify().firstBreak().kind()).isEqualTo("CHANGED_EVENT");
    }

    @Test
    void aDeletedEventIsFoundAndNamed() throws Exception {
        behindTheTriggers("DELETE FROM DomainEventEntry WHERE eventIdentifier = 'event-1'");
        assertThat(verifier.verify().firstBreak()).extracting(ChainBreak::kind, ChainBreak::eventIdentifier)
                .containsExactly("MISSING_EVENT", "event-1");
    }

    @Test
    void reorderedEventsAreFound() throws Exception {
        // links 2 and 3 swap the events they point at
        behindTheTriggers("UPDATE event_chain SET global_index = -2, event_identifier = 'event-2' WHERE chain_seq = 2");
        behindTheTriggers("UPDATE event_chain SET global_index = 2, event_identifier = 'event-1' WHERE chain_seq = 3");
        behindTheTriggers("UPDATE event_chain SET global_index = 3 WHERE chain_seq = 2");
        ChainReport report = verifier.verify();
        assertThat(report.intact()).isFalse();
        assertThat(report.firstBreak().chainSeq()).isEqualTo(2);
    }

    @Test
    void anEventSlippedInBehindTheTriggerIsFound() throws Exception {
        behindTheTriggers("""
                INSERT INTO DomainEventEntry (aggregateIdentifier, sequenceNumber, type, eventIdentifier, payload,
                                              payloadType, timeStamp)
                VALUES ('incident-1', 5, 'Incident', 'event-forged', '\\x7b7d', 'x', '2026-11-25T11:00:00Z')""");
        assertThat(verifier.verify().firstBreak().kind()).isEqualTo("EXTRA_EVENT");
    }

    @Test
    void aForgedCheckpointIsFound() throws Exception {
        behindTheTriggers("INSERT INTO chain_checkpoint SELECT chain_seq, hash, 'forger', sha256(hash) || sha256(hash), now() "
                + "FROM event_chain WHERE chain_seq = 3");
        assertThat(verifier.verify().firstBreak()).extracting(ChainBreak::kind, ChainBreak::chainSeq)
                .containsExactly("FORGED_CHECKPOINT", 3L);
    }

    @Test
    void aRewrittenChainDoesNotMatchItsSignedCheckpoint() throws Exception {
        // a forger who recomputes every link after changing an event still cannot re-sign the checkpoint
        behindTheTriggers("UPDATE DomainEventEntry SET payload = convert_to('{\"text\":\"rewritten\"}', 'UTF8') "
                + "WHERE eventIdentifier = 'event-3'");
        behindTheTriggers("""
                DO $$ DECLARE r record; prev bytea := '\\x0000000000000000000000000000000000000000000000000000000000000000';
                BEGIN
                  FOR r IN SELECT c.chain_seq, e FROM event_chain c JOIN DomainEventEntry e ON e.globalIndex = c.global_index
                           ORDER BY c.chain_seq LOOP
                    UPDATE event_chain SET prev_hash = prev, hash = sha256(prev || event_canonical_bytes(r.e))
                      WHERE chain_seq = r.chain_seq;
                    prev := sha256(prev || event_canonical_bytes(r.e));
                  END LOOP;
                  UPDATE event_chain_head SET hash = prev;
                END $$""");
        assertThat(verifier.verify().firstBreak().kind()).isEqualTo("CHECKPOINT_MISMATCH");
    }

    private void addEvent(int i) {
        JdbcClient.create(db).sql("""
                        INSERT INTO DomainEventEntry (aggregateIdentifier, sequenceNumber, type, eventIdentifier,
                                                      payload, payloadType, timeStamp)
                        VALUES ('incident-1', ?, 'Incident', ?, ?, 'org.drcc.contract.incident.NoteAddedEvent', ?)""")
                .params(i, "event-" + i, ("{\"text\":\"note " + i + "\"}").getBytes(), "2026-11-25T10:0" + i + ":00Z")
                .update();
    }

    private long count(String query) {
        return JdbcClient.create(db).sql(query).query(Long.class).single();
    }

    private long globalIndex(String eventId) {
        return JdbcClient.create(db).sql("SELECT globalIndex FROM DomainEventEntry WHERE eventIdentifier = ?")
                .param(eventId).query(Long.class).single();
    }

    private void sql(String statement) throws Exception {
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }

    /** As a superuser can: with triggers off for the session (session_replication_role = replica). */
    private void behindTheTriggers(String statement) throws Exception {
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.execute("SET session_replication_role = replica");
            s.execute(statement);
        }
    }
}
