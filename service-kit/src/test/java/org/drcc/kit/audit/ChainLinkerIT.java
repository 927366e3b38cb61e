package org.drcc.kit.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.drcc.engines.Engines;
import org.drcc.testsupport.WithEngines;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The linker on a real PostgreSQL: events stored by many concurrent transactions, one of them committing late
 * with a lower global index, are each linked exactly once by two linkers running side by side (two instances of
 * a service), and the chain verifies; a store chained by the trail's earlier version (linked at insert) keeps its
 * chain and its checkpoints; a store that had events before the trail is linked once, in order; a linker's turn
 * reads the events it links, not the whole store.
 */
@WithEngines(database = "incident")
class ChainLinkerIT {

    private static final int WRITERS = 8;
    private static final int EVENTS_EACH = 40;

    @TempDir
    Path keys;

    private DataSource db;
    private ChainSigner signer;

    @BeforeEach
    void freshDatabase(Engines engines) {
        db = engines.postgres().newDatabase("linker");
        signer = ChainSigner.fromFile(keys.resolve("audit.key"));
    }

    @Test
    void concurrentAppendsAreEachLinkedOnceAndALateCommitIsLinkedAfterTheOthers() throws Exception {
        migrate("classpath:db/audit");
        ChainLinker one = new ChainLinker(db, Duration.ofMillis(20));
        ChainLinker other = new ChainLinker(db, Duration.ofMillis(20));
        one.start();
        other.start();
        try (Connection late = db.getConnection()) {
            // a transaction that stores its event first, so with the lowest global index, and commits last
            late.setAutoCommit(false);
            insert(late, "late", 0);
            long lateIndex = globalIndex(late, "late");

            ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<?>> done = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                int writer = w;
                done.add(writers.submit(() -> {
                    go.await();
                    try (Connection c = db.getConnection()) {
                        for (int i = 0; i < EVENTS_EACH; i++) {
                            c.setAutoCommit(false);
                            insert(c, "writer-" + writer, i);
                            c.commit();
                        }
                    }
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> f : done) {
                f.get(60, TimeUnit.SECONDS);
            }
            writers.shutdown();
            int others = WRITERS * EVENTS_EACH;
            // the two background linkers link the committed ones while the late transaction is still open
            awaitCount("SELECT count(*) FROM event_chain", others);
            assertThat(count("SELECT count(*) FROM event_chain_pending")).as("the late one is not visible yet").isZero();

            late.commit();
            one.linkNow();
            assertThat(count("SELECT count(*) FROM event_chain")).isEqualTo(others + 1);
            assertThat(count("SELECT chain_seq FROM event_chain WHERE global_index = " + lateIndex))
                    .as("linked after every other, though its index is the lowest").isEqualTo(others + 1);
        } finally {
            one.stop();
            other.stop();
        }
        assertThat(count("SELECT count(DISTINCT global_index) FROM event_chain")).isEqualTo(count("SELECT count(*) FROM DomainEventEntry"));
        assertThat(count("SELECT count(*) FROM event_chain_pending")).isZero();
        assertThat(count("SELECT chain_seq FROM event_chain_head")).isEqualTo(count("SELECT max(chain_seq) FROM event_chain"));

        new CheckpointWriter(JdbcClient.create(db), new ChainLinker(db, Duration.ofMillis(200)), signer, Clock.systemUTC())
                .checkpoint();
        ChainReport report = verifier().verify();
        assertThat(report.intact()).as(String.valueOf(report.firstBreak())).isTrue();
        assertThat(report.eventsChecked()).isEqualTo(WRITERS * EVENTS_EACH + 1);
        assertThat(report.checkpointsChecked()).isOne();
    }

    @Test
    void aStoreChainedByTheEarlierVersionKeepsItsChainAndLinksWhatComesAfter() throws Exception {
        migrate("classpath:db/audit-before-linker");
        try (Connection c = db.getConnection()) {
            for (int i = 0; i < 3; i++) {
                insert(c, "before", i);
            }
        }
        assertThat(count("SELECT count(*) FROM event_chain")).as("linked at insert").isEqualTo(3);
        // a checkpoint signed under the earlier version
        JdbcClient.create(db).sql("INSERT INTO chain_checkpoint SELECT chain_seq, hash, ?, ?, now() FROM event_chain_head")
                .params(signer.keyId(), signer.sign(3, headHash())).update();

        migrate("classpath:db/audit");
        migrate("classpath:db/audit");  // idempotent: a second start changes nothing
        try (Connection c = db.getConnection()) {
            for (int i = 3; i < 6; i++) {
                insert(c, "before", i);
            }
        }
        assertThat(count("SELECT count(*) FROM event_chain")).as("now queued, not linked at insert").isEqualTo(3);
        assertThat(count("SELECT count(*) FROM event_chain_pending")).isEqualTo(3);

        ChainReport report = verifier().verify();
        assertThat(report.intact()).as(String.valueOf(report.firstBreak())).isTrue();
        assertThat(report.eventsChecked()).isEqualTo(6);
        assertThat(report.checkpointsChecked()).as("the checkpoint signed before the upgrade").isOne();
        assertThat(count("SELECT count(*) FROM event_chain WHERE chain_seq <= 3 AND global_index <= 3")).isEqualTo(3);
    }

    @Test
    void aStoreWithEventsBeforeTheTrailIsLinkedOnceInItsOrder() throws Exception {
        Flyway.configure().dataSource(db).locations("classpath:db/kit", "classpath:db/axon").load().migrate();
        try (Connection c = db.getConnection()) {
            for (int i = 0; i < 4; i++) {
                insert(c, "old", i);
            }
        }
        migrate("classpath:db/audit");
        migrate("classpath:db/audit");
        assertThat(count("SELECT count(*) FROM event_chain_pending")).as("queued once").isEqualTo(4);

        ChainReport report = verifier().verify();
        assertThat(report.intact()).as(String.valueOf(report.firstBreak())).isTrue();
        assertThat(report.eventsChecked()).isEqualTo(4);
        assertThat(JdbcClient.create(db).sql("SELECT global_index FROM event_chain ORDER BY chain_seq").query(Long.class).list())
                .isSorted();
    }

    @Test
    void aLinkerTurnReadsTheEventsItLinksNotTheWholeStore() throws Exception {
        migrate("classpath:db/audit");
        int stored = 30_000;
        JdbcClient sql = JdbcClient.create(db);
        // events of about 1.9 KB, each payload different (below the size PostgreSQL compresses), four to a page
        sql.sql("""
                INSERT INTO DomainEventEntry (aggregateIdentifier, sequenceNumber, type, eventIdentifier, payload,
                                              payloadType, timeStamp)
                SELECT 'bulk-' || n, 0, 'Incident', 'bulk-' || n,
                       convert_to((SELECT string_agg(md5(n || '-' || k), '') FROM generate_series(1, 55) k), 'UTF8'),
                       'org.drcc.contract.incident.NoteAddedEvent', '2026-11-30T10:00:00Z'
                FROM generate_series(1, ?) n""").param(stored).update();
        // the queue's statistics taken while it is full, as autovacuum may take them in a burst: they stay until
        // the next ANALYZE, while the linker empties the queue (autovacuum kept off it here, so that it stays so)
        sql.sql("ALTER TABLE event_chain_pending SET (autovacuum_enabled = false)").update();
        sql.sql("ANALYZE event_chain_pending").update();
        new ChainLinker(db, Duration.ofMillis(200)).linkNow();
        try (Connection c = db.getConnection()) {
            for (int i = 0; i < 10; i++) {
                insert(c, "after", i);
            }
        }
        long storePages = sql.sql("SELECT pg_relation_size('domainevententry') / current_setting('block_size')::int")
                .query(Long.class).single();

        // the linker's call, measured by PostgreSQL: every page it touched, its own statements' included
        String plan = sql.sql("EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) SELECT link_pending(500, true)")
                .query(String.class).single();
        JsonNode top = new ObjectMapper().readTree(plan).get(0).get("Plan");
        long pages = top.get("Shared Hit Blocks").asLong() + top.get("Shared Read Blocks").asLong();

        assertThat(count("SELECT count(*) FROM event_chain")).as("the ten linked").isEqualTo(stored + 10);
        // a walk of the store from its first event (a merge join, chosen from the stale estimate) touches every
        // page of it; looking the ten up touches a few pages each, plus the queue's pages
        assertThat(pages).as("pages touched to link 10 events in a store of %d pages", storePages)
                .isLessThan(storePages / 4);
        ChainReport report = verifier().verify();
        assertThat(report.intact()).as(String.valueOf(report.firstBreak())).isTrue();
    }

    private ChainVerifier verifier() {
        return new ChainVerifier(db, signer, new ChainLinker(db, Duration.ofMillis(200)), Duration.ofMinutes(5),
                Clock.systemUTC());
    }

    private void migrate(String auditLocation) {
        Flyway.configure().dataSource(db).locations("classpath:db/kit", "classpath:db/axon", auditLocation).load().migrate();
    }

    private byte[] headHash() {
        return JdbcClient.create(db).sql("SELECT hash FROM event_chain_head").query(byte[].class).single();
    }

    private static void insert(Connection c, String aggregate, int sequence) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("""
                INSERT INTO DomainEventEntry (aggregateIdentifier, sequenceNumber, type, eventIdentifier, payload,
                                              payloadType, timeStamp)
                VALUES (?, ?, 'Incident', ?, ?, 'org.drcc.contract.incident.NoteAddedEvent', '2026-11-30T10:00:00Z')""")) {
            s.setString(1, aggregate);
            s.setInt(2, sequence);
            s.setString(3, aggregate + "-" + sequence);
            s.setBytes(4, ("{\"text\":\"note " + sequence + "\"}").getBytes());
            s.executeUpdate();
        }
    }

    private static long globalIndex(Connection c, String aggregate) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT globalIndex FROM DomainEventEntry WHERE aggregateIdentifier = ?")) {
            s.setString(1, aggregate);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private long count(String query) {
        return JdbcClient.create(db).sql(query).query(Long.class).single();
    }

    /** Polls for the positive signal (the count reached), up to 30 s. */
    private void awaitCount(String query, long expected) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (count(query) < expected && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(count(query)).isEqualTo(expected);
    }
}
