package org.drcc.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.drcc.contract.Topics;
import org.drcc.engines.Engines;
import org.drcc.engines.LocalSigningKey;
import org.drcc.engines.LocalTokens;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * The end-to-end benchmark (bench/e2e-benchmark [COUNT]): the suite as {@code dr up} starts it (on free ports, its own
 * data folder), then COUNT incidents declared one after the other; for each, the time from incident-service's answer
 * (the declaration's events are committed before it answers) to its effect in each consumer: backup-service holds
 * its backups ({@code GET /api/holds/{id}} answers 200), notification-service has scheduled its messages
 * ({@code GET /api/incidents/{id}/notifications} lists them), metrics-service knows it
 * ({@code GET /api/metrics/incidents/{id}} answers 200). Each is polled every 5 ms, so the figures include up to 5 ms
 * and one local HTTP call per consumer asked before it, and the questions load the services. Taking turns with
 * those, COUNT more, each effect seen when the row its API reads commits (PostgreSQL's NOTIFY, {@link CommitsSeen}),
 * asking nobody. The floor, on the same broker in the same run: COUNT records produced (acks=all, idempotent,
 * as the services produce) and consumed by a consumer that polls all the while, from send to receipt. Prints p50,
 * p99, max and the ratios; timings are printed, never asserted.
 */
public final class E2eBenchmark {

    /** How often each consumer's API is asked: each question costs the services a request (and its token's check). */
    private static int pollMillis;
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final List<String> CONSUMERS = List.of("backup-service (hold)", "notification-service (messages)",
            "metrics-service (incident)");

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 50;
        pollMillis = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        Path dir = Files.createTempDirectory("dr-bench-e2e-");
        SuiteLauncher suite = new SuiteLauncher();
        suite.extraStartMinutes = 10;
        System.out.println("Starting the suite (dr up) ...");
        Process up = suite.up(dir, dir.resolve("dr-up.log"));
        try {
            String bootstrap = "127.0.0.1:" + suite.ports.get(5);
            Histogram floor = kafkaRoundTrips(bootstrap, count);
            String token = "Bearer " + new LocalTokens(LocalSigningKey.in(dir.resolve("keys")))
                    .issue("bench", List.of("dr-lead"), Duration.ofHours(1));
            Histogram[][] effects = declarations(suite, token, count);
            System.out.printf("%nEnd to end, %d incidents declared one after the other, each consumer's API asked every "
                    + "%d ms (ms)%n", count, pollMillis);
            table(floor, effects[0]);
            System.out.printf("%nTaking turns with those, %d more, each effect seen when its row commits in the "
                    + "consumer's database (PostgreSQL's NOTIFY), nobody asking the APIs (ms)%n", count);
            table(floor, effects[1]);
        } finally {
            up.destroy();
            if (!up.waitFor(60, TimeUnit.SECONDS)) {
                up.destroyForcibly();
            }
            Engines.deleteTree(dir);
        }
        System.exit(0);
    }

    private static void table(Histogram floor, Histogram[] effects) {
        System.out.printf("%-44s %8s %8s %8s %10s %10s%n", "", "p50", "p99", "max", "p50 ratio", "p99 ratio");
        print("Kafka produce -> consume (floor)", floor, null);
        print("commit -> on dr.incident.events (relay)", effects[4], floor);
        for (int c = 0; c < CONSUMERS.size(); c++) {
            print("commit -> " + CONSUMERS.get(c), effects[c], floor);
        }
        print("commit -> all three", effects[3], floor);
    }

    private static void print(String what, Histogram h, Histogram floor) {
        System.out.printf("%-44s %8.1f %8.1f %8.1f %10s %10s%n", what, ms(h, 50), ms(h, 99), h.getMaxValue() / 1000.0,
                floor == null ? "" : "%.1fx".formatted(ms(h, 50) / ms(floor, 50)),
                floor == null ? "" : "%.1fx".formatted(ms(h, 99) / ms(floor, 99)));
    }

    private static double ms(Histogram h, double percentile) {
        return h.getValueAtPercentile(percentile) / 1000.0;
    }

    /** Microseconds from each send to its receipt by a consumer that polls all the while; one record every 20 ms. */
    private static Histogram kafkaRoundTrips(String bootstrap, int count) throws Exception {
        String topic = "bench.round-trip";
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
        Properties producerSettings = new Properties();
        producerSettings.putAll(Map.of("bootstrap.servers", bootstrap, "acks", "all", "enable.idempotence", "true",
                "key.serializer", StringSerializer.class.getName(), "value.serializer", StringSerializer.class.getName()));
        Map<String, Long> sentAt = new ConcurrentHashMap<>();
        Histogram micros = new Histogram(TimeUnit.MINUTES.toMicros(1), 3);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerSettings);
             KafkaConsumer<String, String> consumer = reader(bootstrap)) {
            TopicPartition partition = new TopicPartition(topic, 0);
            consumer.assign(List.of(partition));
            consumer.seekToEnd(List.of(partition));
            consumer.position(partition);
            producer.send(new ProducerRecord<>(topic, "warm-up", "")).get();
            Thread sender = new Thread(() -> {
                try {
                    for (int i = 0; i < count; i++) {
                        sentAt.put("r" + i, System.nanoTime());
                        producer.send(new ProducerRecord<>(topic, "r" + i, "{}"));
                        Thread.sleep(20);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            sender.start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60 + count / 10);
            while (micros.getTotalCount() < count && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(100))) {
                    long received = System.nanoTime();
                    Long sent = sentAt.get(record.key());
                    if (sent != null) {
                        micros.recordValue(TimeUnit.NANOSECONDS.toMicros(received - sent));
                    }
                }
            }
            sender.join();
        }
        return micros;
    }

    /** A consumer of strings outside any group, assigned its partitions by the caller; it commits nothing. */
    private static KafkaConsumer<String, String> reader(String bootstrap) {
        Properties settings = new Properties();
        settings.putAll(Map.of("bootstrap.servers", bootstrap, "key.deserializer", StringDeserializer.class.getName(),
                "value.deserializer", StringDeserializer.class.getName(), "enable.auto.commit", "false"));
        return new KafkaConsumer<>(settings);
    }

    /**
     * For each declaration, microseconds to each consumer's effect, to all three, and (last) to its first record on
     * {@code dr.incident.events}, read by a consumer of the benchmark's own that polls all the while: the relay's
     * share of the way. The APIs polled (first array) and the commits seen (second) take turns, declaration by
     * declaration, so that both see the same warm-up and the same neighbours on the machine.
     */
    private static Histogram[][] declarations(SuiteLauncher suite, String token, int count) throws Exception {
        Map<String, Long> relayed = new ConcurrentHashMap<>();
        AtomicBoolean reading = new AtomicBoolean(true);
        CountDownLatch positioned = new CountDownLatch(1);
        Thread relay = new Thread(() -> {
            try (KafkaConsumer<String, String> consumer = reader("127.0.0.1:" + suite.ports.get(5))) {
                List<TopicPartition> partitions = consumer.partitionsFor(Topics.INCIDENT_EVENTS).stream()
                        .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
                consumer.assign(partitions);
                consumer.seekToEnd(partitions);
                partitions.forEach(consumer::position);
                positioned.countDown();
                while (reading.get()) {
                    for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(100))) {
                        relayed.putIfAbsent(record.key(), System.nanoTime());
                    }
                }
            }
        });
        relay.start();
        if (!positioned.await(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("no consumer on " + Topics.INCIDENT_EVENTS + " within 60 s");
        }
        try (CommitsSeen commits = new CommitsSeen(suite.ports.get(4))) {
            return declarations(suite, token, count, relayed, commits);
        } finally {
            reading.set(false);
            relay.join();
        }
    }

    /**
     * Declares 2 × COUNT incidents one after the other (and two first, not counted: each consumer's first event takes
     * its code paths for the first time). The effects of the even ones are seen by asking the consumers' APIs every
     * POLL_MS, one after the other; those of the odd ones when the rows that show them commit.
     */
    private static Histogram[][] declarations(SuiteLauncher suite, String token, int count, Map<String, Long> relayed,
                                              CommitsSeen commits) throws Exception {
        Histogram[][] histograms = new Histogram[2][5];
        for (Histogram[] mode : histograms) {
            for (int c = 0; c < mode.length; c++) {
                mode[c] = new Histogram(TimeUnit.MINUTES.toMicros(5), 3);
            }
        }
        ObjectMapper json = new ObjectMapper();
        for (int i = -2; i < 2 * count; i++) {
            boolean polling = Math.floorMod(i, 2) == 0;
            Histogram[] micros = histograms[polling ? 0 : 1];
            HttpResponse<String> created = HTTP.send(HttpRequest.newBuilder(URI.create(suite.url(0) + "/api/incidents"))
                    .header("Authorization", token).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(
                            "{\"scenario\":\"database-corruption\",\"title\":\"Benchmark " + i + "\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            long committed = System.nanoTime();
            if (created.statusCode() != 201) {
                throw new IllegalStateException("the declaration was refused: " + created.body());
            }
            String id = (String) json.readValue(created.body(), Map.class).get("id");
            long deadline = committed + TimeUnit.SECONDS.toNanos(120);
            long[] seen = polling ? polled(suite, token, id, relayed, deadline) : commits.await(id, relayed, deadline);
            if (seen == null) {
                throw new IllegalStateException("incident " + id + " did not reach every consumer within 120 s");
            }
            if (i >= 0) {
                long last = 0;
                for (int c = 0; c < 3; c++) {
                    // a commit may be seen before the declaration's answer reaches the benchmark: 0 then
                    micros[c].recordValue(Math.max(0, TimeUnit.NANOSECONDS.toMicros(seen[c] - committed)));
                    last = Math.max(last, seen[c]);
                }
                micros[3].recordValue(Math.max(0, TimeUnit.NANOSECONDS.toMicros(last - committed)));
                // the relay may publish before the declaration's answer reaches the benchmark: 0 then
                micros[4].recordValue(Math.max(0, TimeUnit.NANOSECONDS.toMicros(relayed.get(id) - committed)));
            }
        }
        return histograms;
    }

    /** When each consumer's API first showed the effect, asked one after the other every POLL_MS; null past the deadline. */
    private static long[] polled(SuiteLauncher suite, String token, String id, Map<String, Long> relayed, long deadline)
            throws Exception {
        List<String> urls = List.of(suite.url(1) + "/api/holds/" + id,
                suite.url(2) + "/api/incidents/" + id + "/notifications", suite.url(3) + "/api/metrics/incidents/" + id);
        List<Predicate<HttpResponse<String>>> done = List.of(r -> r.statusCode() == 200,
                r -> r.statusCode() == 200 && !r.body().strip().equals("[]"), r -> r.statusCode() == 200);
        long[] seen = new long[3];
        while ((seen[0] == 0 || seen[1] == 0 || seen[2] == 0 || !relayed.containsKey(id))
                && System.nanoTime() < deadline) {
            for (int c = 0; c < 3; c++) {
                if (seen[c] == 0 && done.get(c).test(HTTP.send(HttpRequest.newBuilder(URI.create(urls.get(c)))
                        .header("Authorization", token).GET().build(), HttpResponse.BodyHandlers.ofString()))) {
                    seen[c] = System.nanoTime();
                }
            }
            Thread.sleep(pollMillis);
        }
        return seen[0] == 0 || seen[1] == 0 || seen[2] == 0 || !relayed.containsKey(id) ? null : seen;
    }

    /**
     * The commits of the rows that the three APIs read (backup-service's {@code incident_hold}, notification-service's
     * {@code notification_delivery}, metrics-service's {@code incident_fact}), each seen by a connection that listens
     * on the consumer's database: a trigger added for the benchmark NOTIFYs the incident's id, which PostgreSQL
     * delivers when the inserting transaction commits, the moment the API can show it. Nothing asks the services
     * meanwhile, so the measurement costs them nothing.
     */
    private static final class CommitsSeen implements AutoCloseable {

        private static final List<String> DATABASES = List.of("backup", "notification", "metrics");
        private static final List<String> TABLES = List.of("incident_hold", "notification_delivery", "incident_fact");

        private final List<Map<String, Long>> seen = List.of(new ConcurrentHashMap<>(), new ConcurrentHashMap<>(),
                new ConcurrentHashMap<>());
        private final AtomicBoolean listening = new AtomicBoolean(true);
        private final AtomicReference<Exception> failed = new AtomicReference<>();
        private final List<Connection> connections = new ArrayList<>();
        private final List<Thread> listeners = new ArrayList<>();

        /** Adds the triggers and listens, on every database, before the first declaration it measures. */
        CommitsSeen(int postgresPort) throws SQLException {
            try {
                for (int c = 0; c < DATABASES.size(); c++) {
                    Connection connection = DriverManager.getConnection(
                            "jdbc:postgresql://127.0.0.1:" + postgresPort + "/" + DATABASES.get(c), "postgres", "");
                    connections.add(connection);
                    try (Statement sql = connection.createStatement()) {
                        sql.execute("""
                                CREATE OR REPLACE FUNCTION bench_effect_committed() RETURNS trigger LANGUAGE plpgsql AS $$
                                BEGIN PERFORM pg_notify('bench_effect', NEW.incident_id); RETURN NULL; END $$""");
                        sql.execute("CREATE OR REPLACE TRIGGER bench_effect_committed AFTER INSERT ON " + TABLES.get(c)
                                + " FOR EACH ROW EXECUTE FUNCTION bench_effect_committed()");
                        sql.execute("LISTEN bench_effect"); // from here on, a commit's notification waits to be read
                    }
                }
            } catch (SQLException e) {
                for (Connection connection : connections) {
                    connection.close();
                }
                throw e;
            }
            for (int c = 0; c < DATABASES.size(); c++) {
                PGConnection pg = connections.get(c).unwrap(PGConnection.class);
                Map<String, Long> times = seen.get(c);
                Thread listener = new Thread(() -> {
                    try {
                        while (listening.get()) {
                            for (PGNotification n : pg.getNotifications(100)) {
                                times.putIfAbsent(n.getParameter(), System.nanoTime());
                            }
                        }
                    } catch (SQLException e) {
                        failed.compareAndSet(null, e);
                    }
                }, "bench-listen-" + DATABASES.get(c));
                listener.start();
                listeners.add(listener);
            }
        }

        /** When each consumer's row committed (and the relay published), waiting for all; null past the deadline. */
        long[] await(String id, Map<String, Long> relayed, long deadline) throws InterruptedException {
            while (System.nanoTime() < deadline) {
                if (failed.get() != null) {
                    throw new IllegalStateException("a listening connection failed", failed.get());
                }
                if (seen.stream().allMatch(times -> times.containsKey(id)) && relayed.containsKey(id)) {
                    return seen.stream().mapToLong(times -> times.get(id)).toArray();
                }
                Thread.sleep(1); // in this JVM: no request to any service
            }
            return null;
        }

        @Override
        public void close() throws InterruptedException, SQLException {
            listening.set(false);
            for (Thread listener : listeners) {
                listener.join();
            }
            for (Connection connection : connections) {
                connection.close();
            }
        }
    }

    private E2eBenchmark() {
    }
}
