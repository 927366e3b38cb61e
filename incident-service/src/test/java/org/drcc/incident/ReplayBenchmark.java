package org.drcc.incident;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.drcc.engines.EngineSettings;
import org.drcc.engines.Engines;
import org.drcc.testsupport.Benchmarks;
import org.drcc.testsupport.TestTokens;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The replay benchmark of the event store (bench/replay-benchmark [DECLARATIONS] [COPIES]): declares DECLARATIONS
 * incidents through the API (three events each), copies those events COPIES times under new incident ids (by SQL, so
 * a large store is quick to make), then rebuilds each projection of incident-service (the tracking processors with a
 * reset handler) from the beginning, one after the other, and times a plain {@code SELECT} of every column of the same
 * table in index order, before and after. Prints events per second of each rebuild (from the reset to the last
 * event handled by every segment; the processor's stop before it is shown apart) and the ratio (target ≥ 0.5).
 */
public final class ReplayBenchmark {

    /** The processors whose handlers are read models (a reset handler empties them); the others act, not project. */
    private static final List<String> PROJECTIONS = List.of("incident-projection", "audit-log", "plan-review-projection");

    public static void main(String[] args) {
        Benchmarks.runAndExit(() -> run(args));
    }

    private static void run(String[] args) throws Exception {
        int declarations = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        int copies = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        Path dir = Files.createTempDirectory("dr-replay-bench-");
        try (Engines engines = Engines.startForThisJvm(EngineSettings.forTests(dir))) {
            try (ConfigurableApplicationContext service = new SpringApplication(IncidentServiceApplication.class)
                    .run(Benchmarks.serviceArgs(engines, "incident", dir))) {
                DataSource db = engines.postgres().dataSource("incident");
                declare(service, declarations);
                long events = copy(db, copies);
                EventProcessingConfiguration processing = service.getBean(EventProcessingConfiguration.class);
                long head = head(db);
                // the relay publishes the copies too; let it finish before anything is timed
                await(processing, db, "kafka-relay", head, Duration.ofMinutes(30));
                System.out.printf("%n%,d events in the store (%s); %d segments per processor, %s%n",
                        events, size(db), segments(db, "incident-projection"),
                        processor(processing, "incident-projection").getClass().getSimpleName());
                double scan = scan(db);
                System.out.printf("plain SELECT scan: %,.0f events/s%n", events / scan);
                List<Double> took = new ArrayList<>();
                for (String name : PROJECTIONS) {
                    StreamingEventProcessor processor = processor(processing, name);
                    long start = System.nanoTime();
                    processor.shutDown();
                    long stopped = System.nanoTime();
                    processor.resetTokens();
                    processor.start();
                    await(processing, db, name, head, Duration.ofMinutes(30));
                    double seconds = (System.nanoTime() - start) / 1e9;
                    double stopping = (stopped - start) / 1e9;
                    double rebuild = seconds - stopping;
                    took.add(rebuild);
                    // The stop waits for each thread to notice it: a thread waits up to 1 s for new events (Axon's
                    // event availability timeout), whatever the store's size, so it is shown apart from the rebuild.
                    System.out.printf("replay of %-22s %6.1f s: stopping the processor %.2f s, then the rebuild %.1f s, "
                                    + "%,8.0f events/s, ratio to the scan %4.2f (target >= 0.5; %4.2f with the stop)%n",
                            name, seconds, stopping, rebuild, events / rebuild, scan / rebuild, scan / seconds);
                }
                double again = scan(db);
                System.out.printf("plain SELECT scan again: %,.0f events/s%n", events / again);
                // the first scan runs cold (JIT, caches); the ratios to the second, a warm one, are the stricter
                for (int i = 0; i < PROJECTIONS.size(); i++) {
                    System.out.printf("ratio of %-22s to the second scan %4.2f%n", PROJECTIONS.get(i),
                            again / took.get(i));
                }
            }
        } finally {
            Engines.deleteTree(dir);
        }
    }

    /** Declares {@code count} incidents through the API from four callers. */
    private static void declare(ConfigurableApplicationContext service, int count) throws Exception {
        String url = "http://127.0.0.1:" + service.getEnvironment().getProperty("local.server.port") + "/api/incidents";
        HttpClient http = HttpClient.newHttpClient();
        String token = TestTokens.bearer("dr-lead", "dana");
        ExecutorService callers = Executors.newFixedThreadPool(4);
        List<Future<Integer>> answers = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            int n = i;
            answers.add(callers.submit(() -> http.send(HttpRequest.newBuilder(URI.create(url))
                    .header("Authorization", token).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"scenario\":\"database-corruption\",\"title\":\"Orders "
                            + "table corrupted " + n + "\",\"severity\":\"HIGH\"}")).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode()));
        }
        for (Future<Integer> answer : answers) {
            if (answer.get() / 100 != 2) {
                throw new IllegalStateException("a declaration was answered " + answer.get());
            }
        }
        callers.shutdown();
        System.out.printf("%d incidents declared through the API in %.1f s%n", count, (System.nanoTime() - start) / 1e9);
    }

    /**
     * Copies every event {@code copies} times under new aggregate and event ids (the incident id replaced in the
     * payload too), with the audit chain's trigger off: the copies are for reading, not for the audit trail.
     */
    private static long copy(DataSource db, int copies) throws Exception {
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.execute("SET session_replication_role = replica");
            s.executeUpdate("""
                    INSERT INTO domainevententry (aggregateIdentifier, sequenceNumber, type, eventIdentifier, metaData,
                                                  payload, payloadRevision, payloadType, timeStamp)
                    SELECT md5(e.aggregateIdentifier || k)::uuid::text, e.sequenceNumber, e.type,
                           md5(e.eventIdentifier || k)::uuid::text, e.metaData,
                           convert_to(replace(convert_from(e.payload, 'UTF8'), e.aggregateIdentifier,
                                              md5(e.aggregateIdentifier || k)::uuid::text), 'UTF8'),
                           e.payloadRevision, e.payloadType, e.timeStamp
                    FROM generate_series(1, %d) AS k, domainevententry e WHERE e.type = 'Incident'
                    ORDER BY k, e.globalIndex""".formatted(copies));
            s.execute("SET session_replication_role = origin");
            s.execute("VACUUM ANALYZE domainevententry");
            try (ResultSet rs = s.executeQuery("SELECT count(*) FROM domainevententry")) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** Seconds to read every row and column of the event table in index order, as a tracking processor asks. */
    private static double scan(DataSource db) throws Exception {
        long start = System.nanoTime();
        long bytes = 0;
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement s = c.prepareStatement("SELECT globalIndex, aggregateIdentifier, sequenceNumber, "
                    + "type, eventIdentifier, metaData, payload, payloadRevision, payloadType, timeStamp "
                    + "FROM domainevententry ORDER BY globalIndex")) {
                s.setFetchSize(1000);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        bytes += rs.getBytes("payload").length + rs.getString("payloadType").length()
                                + rs.getString("aggregateIdentifier").length();
                        byte[] meta = rs.getBytes("metaData");
                        bytes += meta == null ? 0 : meta.length;
                    }
                }
            }
            c.commit();
        }
        if (bytes == 0) {
            throw new IllegalStateException("nothing read");
        }
        return (System.nanoTime() - start) / 1e9;
    }

    /** Waits until every segment of {@code name} is claimed and has handled the event at {@code head}. */
    private static void await(EventProcessingConfiguration processing, DataSource db, String name, long head,
                              Duration timeout) throws Exception {
        StreamingEventProcessor processor = processor(processing, name);
        int segments = segments(db, name);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            var status = processor.processingStatus().values();
            if (status.size() == segments && status.stream().noneMatch(EventTrackerStatus::isErrorState)
                    && status.stream().allMatch(s -> s.getCurrentPosition().orElse(-1) >= head)) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(name + " did not reach event " + head + " within " + timeout);
            }
            Thread.sleep(20);
        }
    }

    private static StreamingEventProcessor processor(EventProcessingConfiguration processing, String name) {
        return processing.eventProcessor(name, StreamingEventProcessor.class)
                .orElseThrow(() -> new IllegalStateException("no streaming processor " + name));
    }

    /** The processor's segments, as its token store holds them. */
    private static int segments(DataSource db, String name) throws Exception {
        try (Connection c = db.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT count(*) FROM tokenentry WHERE processorName = ?")) {
            s.setString(1, name);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    private static long head(DataSource db) throws Exception {
        try (Connection c = db.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT max(globalIndex) FROM domainevententry")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String size(DataSource db) throws Exception {
        try (Connection c = db.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT pg_size_pretty(pg_total_relation_size('domainevententry'))")) {
            rs.next();
            return rs.getString(1);
        }
    }

    private ReplayBenchmark() {
    }
}
