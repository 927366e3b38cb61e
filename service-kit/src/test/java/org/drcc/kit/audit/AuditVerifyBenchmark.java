package org.drcc.kit.audit;

import java.nio.file.Files;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Map;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import javax.sql.DataSource;
import org.drcc.engines.EngineSettings;
import org.drcc.engines.Engines;
import org.drcc.engines.PostgresEngine;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The audit benchmark (bench/audit-verify-benchmark): fills a real embedded PostgreSQL with N events
 * (default 1 million) of about 0.5 KB, linked into the chain by the database's own functions, with a signed
 * checkpoint every 10,000 links, then times {@link ChainVerifier} over all of them (target: 60 s or less).
 */
public final class AuditVerifyBenchmark {

    private static final int BATCH = 50_000;
    private static final int CHECKPOINT_EVERY = 10_000;

    private static final String INSERT = """
            INSERT INTO DomainEventEntry (aggregateIdentifier, sequenceNumber, type, eventIdentifier,
                                         payload, payloadType, timeStamp, metaData)
            SELECT 'incident-' || (i / 100), i % 100, 'Incident', 'event-' || i,
                   convert_to(format('{"incidentId":"incident-%s","actor":"alice","occurredAt":"2026-11-25T10:00:00Z",'
                       || '"text":"%s","targets":{"scenario":"database-corruption","rto":"PT2H","rpo":"PT1H","drill":false}}',
                       i / 100, repeat('note ', 60)), 'UTF8'),
                   'org.drcc.contract.incident.NoteAddedEvent', '2026-11-25T10:00:00.' || lpad((i % 1000)::text, 3, '0') || 'Z',
                   convert_to('{"traceId":"' || md5(i::text) || '","correlationId":"' || md5((i + 1)::text) || '"}', 'UTF8')
            FROM generate_series(:from, :to) AS i""";

    /** The same links the linker makes (link_pending: event_canonical_bytes, sha256), in one pass. */
    private static final String LINK = """
            DO $$
            DECLARE r DomainEventEntry; prev bytea := decode(repeat('00', 32), 'hex'); h bytea; seq bigint := 0;
            BEGIN
                FOR r IN SELECT * FROM DomainEventEntry ORDER BY globalIndex LOOP
                    seq := seq + 1;
                    h := sha256(prev || event_canonical_bytes(r));
                    INSERT INTO event_chain VALUES (seq, r.globalIndex, r.eventIdentifier, prev, h);
                    prev := h;
                END LOOP;
                UPDATE event_chain_head SET chain_seq = seq, hash = prev WHERE id = 1;
            END
            $$""";

    public static void main(String[] args) throws Exception {
        long events = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000;
        Path dir = Files.createTempDirectory("dr-audit-bench-");
        try (PostgresEngine postgres = PostgresEngine.start(EngineSettings.forTests(dir))) {
            postgres.createDatabase("audit_bench");
            DataSource db = postgres.dataSource("audit_bench");
            Flyway.configure().dataSource(db).locations("classpath:db/kit", "classpath:db/axon", "classpath:db/audit").load().migrate();
            ChainSigner signer = ChainSigner.fromFile(dir.resolve("keys/audit.key"));
            JdbcClient jdbc = JdbcClient.create(db);
            System.out.printf("Filling %,d events ...%n", events);
            long fillStart = System.nanoTime();
            try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
                // the events go in with triggers off (so not queued) and are linked below in one pass by the
                // database's own functions: faster than the linker's batches for a million rows
                s.execute("SET session_replication_role = replica");
                for (long from = 0; from < events; from += BATCH) {
                    long to = Math.min(events, from + BATCH) - 1;
                    s.executeUpdate(INSERT.replace(":from", Long.toString(from)).replace(":to", Long.toString(to)));
                }
                s.execute("SET session_replication_role = origin");
                System.out.printf("  inserted in %.1f s; linking them ...%n", (System.nanoTime() - fillStart) / 1e9);
                s.execute(LINK);
            }
            int signed = 0;
            for (Map<String, Object> link : jdbc.sql("SELECT chain_seq, hash FROM event_chain WHERE chain_seq % ? = 0 "
                    + "OR chain_seq = (SELECT chain_seq FROM event_chain_head)").param(CHECKPOINT_EVERY).query().listOfRows()) {
                long seq = ((Number) link.get("chain_seq")).longValue();
                byte[] hash = (byte[]) link.get("hash");
                jdbc.sql("INSERT INTO chain_checkpoint (chain_seq, hash, key_id, signature, signed_at) VALUES (?, ?, ?, ?, now())")
                        .params(seq, hash, signer.keyId(), signer.sign(seq, hash)).update();
                signed++;
            }
            System.out.printf("Filled, linked and %d checkpoints signed in %.1f s; %s on disk%n", signed,
                    (System.nanoTime() - fillStart) / 1e9,
                    jdbc.sql("SELECT pg_size_pretty(pg_database_size('audit_bench'))").query(String.class).single());
            ChainVerifier verifier = new ChainVerifier(db, signer, new ChainLinker(db, Duration.ofMillis(200)),
                    Duration.ofMinutes(5), Clock.systemUTC());
            long start = System.nanoTime();
            ChainReport report = verifier.verify();
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("%nverify: %s, %,d events and %,d signed checkpoints in %.1f s (%,.0f events/s; target <= 60 s for 1,000,000)%n",
                    report.intact() ? "intact" : "BROKEN " + report.firstBreak(), report.eventsChecked(),
                    report.checkpointsChecked(), seconds, report.eventsChecked() / seconds);
            System.out.printf("cores: %d, max heap: %d MB%n", Runtime.getRuntime().availableProcessors(),
                    Runtime.getRuntime().maxMemory() >> 20);
        } finally {
            Engines.deleteTree(dir);
        }
    }
}
