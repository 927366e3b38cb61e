package org.drcc.incident;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import org.drcc.engines.EngineSettings;
import org.drcc.engines.Engines;
import org.drcc.engines.LocalTokens;
import org.drcc.kit.security.Roles;
import org.drcc.testsupport.TestTokens;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The API benchmark (bench/api-benchmark [SECONDS] [RATES]): declaring an incident ({@code POST /api/incidents}) and
 * reading one ({@code GET /api/incidents/{id}}) on incident-service, at fixed offered rates with an open-loop load
 * ({@link OpenLoopLoad}), against the same requests to a bare Spring MVC endpoint that writes (reads) one row of
 * PostgreSQL: the floor. Both run in this JVM on the same engines, in turns at each rate; it prints p50, p99 and max
 * of each, the service's ratio to the floor, the JVM's CPU time per answer, and how long the relay took after each run
 * of declarations to send what was left to Kafka. Timings are printed, never asserted.
 */
public final class ApiBenchmark {

    private static final String BODY = "{\"scenario\":\"database-corruption\",\"title\":\"Orders table corrupted %d\"}";

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        int[] rates = Arrays.stream((args.length > 1 ? args[1] : "50,100,200").split(","))
                .mapToInt(Integer::parseInt).toArray();
        Path dir = Files.createTempDirectory("dr-bench-");
        try (Engines engines = Engines.startForThisJvm(EngineSettings.forTests(dir))) {
            engines.postgres().createDatabase("bench_floor");
            try (Connection c = engines.postgres().dataSource("bench_floor").getConnection()) {
                c.createStatement().execute("CREATE TABLE incident (id uuid PRIMARY KEY, scenario text NOT NULL, "
                        + "title text NOT NULL, declared_at timestamptz NOT NULL DEFAULT now())");
            }
            // -Ddr.archive.offsite.bucket=<name> in JAVA_FLAGS: the audit archive's off-site copy written too, here on
            // the same S3 server (what its second archiver costs the declarations)
            String offsite = System.getProperty("dr.archive.offsite.bucket", "");
            if (!offsite.isBlank()) {
                try (var s3 = org.drcc.kit.s3.S3Clients.build(new org.drcc.kit.s3.S3Settings.Store(engines.s3Endpoint(),
                        "dr-local", "dr-local-secret", "us-east-1"))) {
                    new org.drcc.kit.s3.BucketStore(s3, offsite).createIfMissing();
                }
            }
            String token = "Bearer " + new LocalTokens(TestTokens.install()).issue("bench", List.of(Roles.DR_LEAD),
                    Duration.ofHours(2));
            long starting = System.nanoTime();
            try (ConfigurableApplicationContext service = new SpringApplication(IncidentServiceApplication.class)
                         .run(serviceArgs(engines, dir));
                 ConfigurableApplicationContext floor = new SpringApplication(org.drcc.floor.FloorApplication.class).run("--server.port=0",
                         "--spring.datasource.url=" + engines.jdbcUrl("bench_floor"), "--logging.level.root=WARN")) {
                System.out.printf("incident-service and the floor started in %.1f s (JVM flags %s)%n",
                        (System.nanoTime() - starting) / 1e9,
                        java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments());
                run(new Target("incident-service", url(service) + "/api/incidents", token),
                        new Target("floor", url(floor) + "/floor/incidents", token), seconds, rates,
                        service.getBean(MeterRegistry.class).get("dr.relay.backlog").gauge());
            }
        } finally {
            Engines.deleteTree(dir);
        }
        // the Kafka client's and Axon's threads would keep the JVM (and its flight recording) from ending
        System.exit(0);
    }

    private static String[] serviceArgs(Engines engines, Path dir) {
        return new String[] {"--server.port=0", "--spring.datasource.url=" + engines.jdbcUrl("incident"),
                "--dr.privacy.keyring.url=" + engines.jdbcUrl(Engines.KEYRING_DATABASE),
                "--spring.kafka.bootstrap-servers=" + engines.bootstrapServers(),
                "--dr.s3.endpoint=" + engines.s3Endpoint(),
                "--dr.audit.signing-key-file=" + dir.resolve("keys/incident-audit.key"),
                "--dr.privacy.kek-file=" + dir.resolve("keys/keyring-kek.json"),
                "--logging.level.root=WARN"};
    }

    private static String url(ConfigurableApplicationContext context) {
        return "http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port");
    }

    /** Where the declarations go ({@code base}) and are read ({@code base/<id>}), with the caller's token. */
    record Target(String name, String base, String token) {

        HttpRequest declare(int i) {
            return HttpRequest.newBuilder(URI.create(base)).header("Authorization", token)
                    .header("Content-Type", "application/json").timeout(Duration.ofSeconds(30))
                    .POST(HttpRequest.BodyPublishers.ofString(BODY.formatted(i))).build();
        }

        HttpRequest read(String id) {
            return HttpRequest.newBuilder(URI.create(base + "/" + id)).header("Authorization", token)
                    .timeout(Duration.ofSeconds(30)).GET().build();
        }
    }

    private static void run(Target service, Target floor, int seconds, int[] rates, Gauge backlog) throws Exception {
        OpenLoopLoad load = new OpenLoopLoad();
        String serviceId = declareOne(load, service);
        String floorId = declareOne(load, floor);
        // warm-up, not counted: the JIT of both has run, as in a service that runs for days
        for (Target target : List.of(floor, service)) {
            load.run(target::declare, 50, Math.max(5, seconds / 2));
            load.run(i -> target.read(target == service ? serviceId : floorId), 50, Math.max(5, seconds / 2));
        }
        System.out.printf("%nOpen-loop load, %d s per rate and target, latency from the intended send time (ms)%n",
                seconds);
        System.out.printf("%-8s %-17s %5s %9s %8s %8s %8s %7s %9s %9s %11s%n", "request", "target", "rate", "answered/s",
                "p50", "p99", "max", "errors", "p50 ratio", "p99 ratio", "CPU ms/req");
        List<String> firstErrors = new ArrayList<>();
        List<String> relayDrains = new ArrayList<>();
        for (int rate : rates) {
            for (String kind : List.of("declare", "read")) {
                OpenLoopLoad.Result[] results = new OpenLoopLoad.Result[2];
                // the floor first, then the service, in the same minute: a neighbour's load hits both alike
                for (int t = 0; t < 2; t++) {
                    Target target = t == 0 ? floor : service;
                    String id = target == service ? serviceId : floorId;
                    IntFunction<HttpRequest> request = "declare".equals(kind) ? target::declare : i -> target.read(id);
                    results[t] = load.run(request, rate, seconds);
                    if (target == service && "declare".equals(kind)) {
                        relayDrains.add("%d/s: %s".formatted(rate, awaitRelay(backlog)));
                    }
                    if (!results[t].firstError().isEmpty()) {
                        firstErrors.add(kind + " " + target.name() + " at " + rate + "/s: " + results[t].firstError());
                    }
                }
                for (int t = 0; t < 2; t++) {
                    OpenLoopLoad.Result r = results[t];
                    boolean isService = t == 1;
                    System.out.printf("%-8s %-17s %5d %9.1f %8.1f %8.1f %8.1f %7d %9s %9s %11.2f%n", kind,
                            (t == 0 ? floor : service).name(), rate, r.achieved(), r.p(50), r.p(99), r.max(),
                            r.errors(), isService ? "%.1fx".formatted(r.p(50) / results[0].p(50)) : "",
                            isService ? "%.1fx".formatted(r.p(99) / results[0].p(99)) : "", r.cpuPerAnswer());
                }
            }
        }
        System.out.println("The relay's backlog (dr.relay.backlog) after the last declaration was answered: "
                + String.join("; ", relayDrains));
        firstErrors.forEach(e -> System.out.println("first error of " + e));
    }

    /** How many events the relay still had to send, and how long it took to send them (the next run waits for it). */
    private static String awaitRelay(Gauge backlog) throws InterruptedException {
        double behind = backlog.value();
        long start = System.nanoTime();
        while (!(backlog.value() == 0) && System.nanoTime() - start < TimeUnit.MINUTES.toNanos(3)) {
            Thread.sleep(20);
        }
        return "%.0f events, sent in %.2f s".formatted(behind, (System.nanoTime() - start) / 1e9);
    }

    /** Declares one incident and waits until it can be read: the one the reads ask for. */
    private static String declareOne(OpenLoopLoad load, Target target) throws Exception {
        HttpResponse<String> created = load.client().send(target.declare(0), HttpResponse.BodyHandlers.ofString());
        if (created.statusCode() != 201) {
            throw new IllegalStateException(target.name() + " refused the declaration: " + created.body());
        }
        String id = (String) new ObjectMapper().readValue(created.body(), Map.class).get("id");
        for (int i = 0; i < 100; i++) {
            if (load.client().send(target.read(id), HttpResponse.BodyHandlers.ofString()).statusCode() == 200) {
                return id;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException(target.name() + " does not show the incident it declared");
    }

    private ApiBenchmark() {
    }
}
