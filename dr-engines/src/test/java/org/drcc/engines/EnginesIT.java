package org.drcc.engines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnginesIT {

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void theEnginesOfAJvmEndedBySigtermStopWithIt() throws Exception {
        Path held = dir.resolve("held");
        Path log = dir.resolve("holder.log");
        Process holder = new ProcessBuilder(Java.executable(), "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                EnginesOfThisJvm.class.getName(), held.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        List<ProcessHandle> engines = new ArrayList<>();
        try {
            long until = System.nanoTime() + Duration.ofMinutes(4).toNanos();
            while (!Files.readString(log).contains(EnginesOfThisJvm.READY)) {
                assertThat(holder.isAlive()).as("the JVM holding the engines runs (%s)", log).isTrue();
                assertThat(System.nanoTime()).as("the engines started within 4 minutes").isLessThan(until);
                Thread.sleep(200);
            }
            engines.addAll(holder.descendants().toList());
            postmaster(held).ifPresent(engines::add);
            assertThat(engines).as("Kafka, S3 and PostgreSQL's server run as processes of their own").hasSizeGreaterThanOrEqualTo(3);

            holder.destroy(); // SIGTERM: how a build's timeout or a Ctrl-C ends a JVM

            assertThat(holder.waitFor(2, TimeUnit.MINUTES)).as("the JVM ended").isTrue();
            long stopBy = System.nanoTime() + Duration.ofMinutes(2).toNanos();
            for (ProcessHandle engine : engines) {
                String command = engine.info().command().orElse("pid " + engine.pid());
                while (engine.isAlive() && System.nanoTime() < stopBy) {
                    Thread.sleep(200);
                }
                assertThat(engine.isAlive()).as("%s stopped with the JVM within 2 minutes", command).isFalse();
            }
        } finally {
            engines.forEach(ProcessHandle::destroyForcibly);
            holder.destroyForcibly();
        }
    }

    /** PostgreSQL's server under {@code dataDir}, by the pid file it writes (pg_ctl starts it detached). */
    private static Optional<ProcessHandle> postmaster(Path dataDir) throws IOException {
        try (var files = Files.walk(dataDir)) {
            for (Path pidFile : files.filter(p -> p.getFileName().toString().equals("postmaster.pid")).toList()) {
                long pid = Long.parseLong(Files.readAllLines(pidFile).get(0).trim());
                return ProcessHandle.of(pid);
            }
        }
        return Optional.empty();
    }

    @Test
    void enginesKeepTheirDataAcrossARestart() throws Exception {
        EngineSettings settings = EngineSettings.forTests(dir.resolve("dr"));
        try (Engines engines = Engines.start(settings)) {
            assertThat(rowCount(engines, "customer")).isGreaterThanOrEqualTo(800);
            assertThat(rowCount(engines, "order_line")).isGreaterThan(rowCount(engines, "customer_order"));
            try (Admin admin = Admin.create(Map.of("bootstrap.servers", engines.bootstrapServers()))) {
                admin.createTopics(List.of(new NewTopic("probe", 1, (short) 1))).all().get();
            }
            try (var producer = new KafkaProducer<>(kafka(engines), new StringSerializer(), new StringSerializer())) {
                producer.send(new ProducerRecord<>("probe", "k", "kept")).get();
            }
            put(engines.s3Endpoint().resolve("/" + Buckets.PRIMARY + "/probe.txt"), "object kept");
            // as backup-service writes it: this start's HTTPS port of the S3 server, which the next start changes
            Files.createDirectories(engines.walArchiveConfigDir());
            Files.writeString(engines.walArchiveConfigDir().resolve(WalArchive.CONFIG_FILE),
                    "[global]\nrepo1-type=s3\nrepo1-s3-endpoint=" + engines.s3HttpsHostAndPort() + "\n");
        }
        try (Engines again = Engines.start(new EngineSettings(settings.dataDir(), false, settings.postgresPort(),
                settings.kafkaPort(), settings.kafkaControllerPort(), settings.s3Port(), 1))) {
            assertThat(rowCount(again, "truck")).as("generated once, kept").isEqualTo(21);
            assertThat(again.walArchiveConfigDir().resolve(WalArchive.CONFIG_FILE))
                    .as("the WAL archive's configuration of the last start, naming its S3 port, is not used again")
                    .doesNotExist();
            assertThat(get(again.s3Endpoint().resolve("/" + Buckets.PRIMARY + "/probe.txt"))).isEqualTo("object kept");
            Properties consumer = kafka(again);
            consumer.put("group.id", "probe");
            consumer.put("auto.offset.reset", "earliest");
            try (var kc = new KafkaConsumer<>(consumer, new StringDeserializer(), new StringDeserializer())) {
                kc.subscribe(List.of("probe"));
                // the group's first use: the broker makes its offsets topic first
                ConsumerRecords<String, String> records = ConsumerRecords.empty();
                long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                while (records.isEmpty() && System.nanoTime() < deadline) {
                    records = kc.poll(Duration.ofMillis(500));
                }
                assertThat(records).as("the record written before the restart, read back within 60 s").isNotEmpty();
                assertThat(records.iterator().next().value()).isEqualTo("kept");
            }
        }
    }

    @Test
    void aTakenPortIsNamedAndNothingIsLeftRunning() throws Exception {
        EngineSettings settings = EngineSettings.forTests(dir.resolve("taken"));
        try (ServerSocket squatter = new ServerSocket(settings.kafkaPort())) {
            assertThatThrownBy(() -> Engines.start(settings))
                    .isInstanceOf(PortTakenException.class)
                    .hasMessageContaining("Kafka needs port " + settings.kafkaPort());
        }
        assertThat(Ports.inUse(settings.postgresPort())).isFalse();
        assertThat(Ports.inUse(settings.s3Port())).isFalse();
    }

    private static Properties kafka(Engines engines) {
        Properties p = new Properties();
        p.put("bootstrap.servers", engines.bootstrapServers());
        return p;
    }

    private static long rowCount(Engines engines, String table) throws Exception {
        try (Connection c = engines.postgres().dataSource(FoodTruckDatabase.NAME).getConnection();
             ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private void put(URI uri, String body) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri)
                .PUT(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
    }

    private String get(URI uri) throws Exception {
        return http.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString()).body();
    }
}
