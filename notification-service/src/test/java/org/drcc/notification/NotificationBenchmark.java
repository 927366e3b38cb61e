package org.drcc.notification;

import com.sun.net.httpserver.HttpServer;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.drcc.contract.Topics;
import org.drcc.contract.incident.Severity;
import org.drcc.engines.EngineSettings;
import org.drcc.engines.Engines;
import org.drcc.testsupport.TestEvents;
import org.drcc.testsupport.Benchmarks;
import org.drcc.testsupport.CpuTimes;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The notification benchmark (bench/notification-benchmark [INCIDENTS] [CONTACTS]): a plan whose immediate tier has
 * four audiences of CONTACTS webhook contacts each, all pointed at a receiver on 127.0.0.1 in this JVM; INCIDENTS
 * declarations (default 100) put on Kafka at once. Prints the sends per second the receiver saw (target ≥ 500), the
 * time from the declarations to the last immediate-tier message (against the tier's 15 minutes), the deadlines the
 * service recorded, and every delivery id the receiver saw more than once (target: none). Then, as the floor, the
 * same number of plain POSTs of the same size to the same receiver from as many threads as the service has senders
 * per channel.
 */
public final class NotificationBenchmark {

    private static final List<String> AUDIENCES = List.of("DR Team Lead", "DevOps Team", "Security Team", "Management");
    private static final String DELIVERY_HEADER = "X-DR-Delivery";

    public static void main(String[] args) {
        Benchmarks.runAndExit(() -> run(args));
    }

    private static void run(String[] args) throws Exception {
        int incidents = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        int contacts = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        int senders = Integer.getInteger("dr.notification.senders-per-channel", 8);
        int expected = incidents * AUDIENCES.size() * contacts;
        Path dir = Files.createTempDirectory("dr-notify-bench-");
        Receiver receiver = Receiver.start();
        try (Engines engines = Engines.startForThisJvm(EngineSettings.forTests(dir))) {
            Path plan = dir.resolve("plan.yml");
            Files.writeString(plan, plan(receiver.url(), contacts));
            System.setProperty("DR_COMMUNICATION_PLAN", "file:" + plan);
            try (ConfigurableApplicationContext service = new SpringApplication(NotificationServiceApplication.class)
                    .run(Benchmarks.serviceArgs(engines, "notification", dir,
                            // the receiver is on this machine, which the egress guard refuses unless allowed by name
                            "--dr.notification.allowed-hosts=127.0.0.1",
                            "--dr.notification.senders-per-channel=" + senders))) {
                JdbcClient jdbc = service.getBean(JdbcClient.class);
                System.out.printf("%n%d incidents declared at once, %d immediate-tier webhook messages each (%d in all), "
                        + "%d senders per channel%n", incidents, AUDIENCES.size() * contacts, expected, senders);
                CpuTimes cpuBefore = CpuTimes.now(engines);
                long declared = System.nanoTime();
                double declaredAt = System.currentTimeMillis() / 1e3;
                try (TestEvents events = new TestEvents(engines.bootstrapServers())) {
                    for (int i = 0; i < incidents; i++) {
                        String id = UUID.randomUUID().toString();
                        events.publish(Topics.INCIDENT_EVENTS, id, TestEvents.declared(id, Severity.HIGH, false));
                    }
                }
                System.out.printf("  declarations on Kafka after %.2f s%n", (System.nanoTime() - declared) / 1e9);
                awaitSettled(jdbc, expected, Duration.ofMinutes(15));
                long settled = System.nanoTime();
                CpuTimes cpu = CpuTimes.now(engines).since(cpuBefore);
                report(receiver, jdbc, declared, declaredAt, expected);
                System.out.printf("  CPU per message, from the declarations to the last outcome recorded: %s%n",
                        cpu.perUnit(expected));
                // the dispatcher's next rounds would send a duplicate now, if it ever did: two more rounds' worth
                Thread.sleep(2500);
                System.out.printf("  delivery ids received more than once: %s (after %d s more)%n",
                        receiver.duplicates().isEmpty() ? "none" : receiver.duplicates(),
                        (System.nanoTime() - settled) / 1_000_000_000);
            }
            floor(receiver, expected, senders);
        } finally {
            receiver.stop();
            Engines.deleteTree(dir);
        }
    }

    private static void report(Receiver receiver, JdbcClient jdbc, long declared, double declaredAt, int expected) {
        double burst = (receiver.last() - receiver.first()) / 1e9;
        double total = (receiver.last() - declared) / 1e9;
        System.out.printf("  received %d messages (%d distinct delivery ids); first %.2f s, last %.2f s after the "
                        + "declarations%n", receiver.total(), receiver.distinct(), (receiver.first() - declared) / 1e9,
                total);
        System.out.printf("  service: %.0f sends/s from first to last message (target >= 500), %.0f/s from the "
                + "declarations%n", receiver.total() / burst, expected / total);
        System.out.printf("  declarations -> last immediate-tier message: %.1f s (the tier's deadline: 15 min)%n", total);
        System.out.printf("  the last message scheduled %.1f s after the declarations, the last recorded sent %.1f s after%n",
                jdbc.sql("SELECT extract(epoch FROM max(scheduled_at)) FROM notification_delivery").query(Double.class)
                        .single() - declaredAt, jdbc.sql("SELECT extract(epoch FROM max(sent_at)) FROM notification_delivery")
                        .query(Double.class).single() - declaredAt);
        System.out.printf("  as the service recorded them: %s%n", jdbc.sql("SELECT status || '/' || coalesce(deadline, "
                + "'-') || ' ' || count(*) FROM notification_delivery GROUP BY status, deadline ORDER BY 1")
                .query(String.class).list());
    }

    /**
     * Waits until every expected message has its outcome recorded by the service, asking twice a second (the sends'
     * rate is the receiver's, not this wait's). Asked every 50 ms, the count (a scan of the table) took some 4 % of a
     * core of PostgreSQL while the service sent.
     */
    private static void awaitSettled(JdbcClient jdbc, int expected, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (jdbc.sql("SELECT count(*) FROM notification_delivery WHERE status IN ('SENT', 'FAILED', 'NOT_DELIVERED')")
                .query(Integer.class).single() < expected) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("not every message was sent within " + timeout);
            }
            Thread.sleep(500);
        }
    }

    /** The same number of POSTs, of the same body size and headers, from a bounded pool of plain HTTP clients. */
    private static void floor(Receiver receiver, int messages, int threads) throws Exception {
        receiver.reset();
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        String body = "{\"incidentId\":\"" + UUID.randomUUID() + "\",\"audience\":\"DR Team Lead\",\"subject\":\""
                + "[DR] Incident declared: Orders table corrupted\",\"text\":\"" + "x".repeat(600) + "\"}";
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicInteger next = new AtomicInteger();
        long start = System.nanoTime();
        List<Future<?>> sends = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            sends.add(pool.submit(() -> {
                for (int i = next.getAndIncrement(); i < messages; i = next.getAndIncrement()) {
                    HttpRequest request = HttpRequest.newBuilder(URI.create(receiver.url() + "/hook/0"))
                            .header("Content-Type", "application/json").header(DELIVERY_HEADER, "floor-" + i)
                            .timeout(Duration.ofSeconds(5)).POST(HttpRequest.BodyPublishers.ofString(body)).build();
                    int status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                    if (status / 100 != 2) {
                        throw new IllegalStateException("the receiver answered " + status);
                    }
                }
                return null;
            }));
        }
        for (Future<?> send : sends) {
            send.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        System.out.printf("%nfloor: %d plain POSTs from %d threads in %.2f s: %.0f/s; received %d, duplicates %s%n",
                messages, threads, seconds, messages / seconds, receiver.total(),
                receiver.duplicates().isEmpty() ? "none" : receiver.duplicates());
    }

    private static String plan(String receiver, int contacts) {
        StringBuilder yaml = new StringBuilder("dr:\n  communication:\n    tiers:\n      - id: immediate\n"
                + "        deadline: PT15M\n        audiences:\n");
        for (int a = 0; a < AUDIENCES.size(); a++) {
            yaml.append("          - name: ").append(AUDIENCES.get(a)).append("\n            contacts:\n");
            for (int c = 0; c < contacts; c++) {
                yaml.append("              - { name: hook").append(c).append(", channel: webhook, target: \"")
                        .append(receiver).append("/hook/").append(a).append('/').append(c)
                        .append("\", secret: bench-secret-").append(c).append(" }\n");
            }
        }
        return yaml.toString();
    }

    /**
     * A webhook receiver on 127.0.0.1: the JDK's own HTTP server (no library's request journal in the way of
     * the count), answering 204 and counting each delivery id.
     */
    private record Receiver(HttpServer server, Map<String, AtomicInteger> seen, AtomicLong firstAt, AtomicLong lastAt,
                            AtomicInteger count) {

        static Receiver start() throws Exception {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 256);
            Receiver receiver = new Receiver(server, new ConcurrentHashMap<>(), new AtomicLong(), new AtomicLong(),
                    new AtomicInteger());
            server.createContext("/hook", exchange -> {
                try (InputStream body = exchange.getRequestBody()) {
                    body.transferTo(java.io.OutputStream.nullOutputStream());
                }
                receiver.record(exchange.getRequestHeaders().getFirst(DELIVERY_HEADER));
                exchange.sendResponseHeaders(204, -1);
                exchange.close();
            });
            server.setExecutor(Executors.newFixedThreadPool(16, r -> {
                Thread thread = new Thread(r, "receiver");
                thread.setDaemon(true);
                return thread;
            }));
            server.start();
            return receiver;
        }

        void record(String deliveryId) {
            long now = System.nanoTime();
            firstAt.compareAndSet(0, now);
            lastAt.accumulateAndGet(now, Math::max);
            count.incrementAndGet();
            seen.computeIfAbsent(String.valueOf(deliveryId), k -> new AtomicInteger()).incrementAndGet();
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort();
        }

        long first() {
            return firstAt.get();
        }

        long last() {
            return lastAt.get();
        }

        int total() {
            return count.get();
        }

        int distinct() {
            return seen.size();
        }

        List<String> duplicates() {
            return seen.entrySet().stream().filter(e -> e.getValue().get() > 1)
                    .map(e -> e.getKey() + " x" + e.getValue().get()).toList();
        }

        void reset() {
            seen.clear();
            firstAt.set(0);
            lastAt.set(0);
            count.set(0);
        }

        void stop() {
            server.stop(0);
        }
    }

    private NotificationBenchmark() {
    }
}
