package org.drcc.engines;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;

/** A single-node Kafka broker in KRaft mode, run as its own JVM from the Kafka jars on this class path. */
public final class KafkaEngine implements AutoCloseable {

    static final String NAME = "kafka";

    private final ChildProcess process;
    private final int port;

    private KafkaEngine(ChildProcess process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Formats the log directory on first use, then launches the broker; call {@link #awaitReady()} next. */
    public static KafkaEngine launch(EngineSettings settings) {
        Path home = settings.dataDir().resolve("kafka");
        try {
            Files.createDirectories(home);
            Path config = writeConfig(home, settings);
            Path logging = writeLogging(home);
            List<String> jvm = List.of("-cp", Java.classPath(), "-Dlogback.configurationFile=" + logging,
                    "-Dlog4j.configuration=file:" + logging.resolveSibling("log4j.properties"));
            format(home, config, jvm, settings);
            ChildProcess process = ChildProcess.start(NAME,
                    Java.command("512m", jvm, List.of("kafka.Kafka", config.toString())),
                    settings.logDir(), settings.runDir());
            return new KafkaEngine(process, settings.kafkaPort());
        } catch (IOException e) {
            throw new EngineStartException(NAME, e, settings.logDir().resolve(NAME + ".log"));
        }
    }

    /** The broker's JVM (a benchmark counts its CPU). */
    public ProcessHandle process() {
        return process.handle();
    }

    public void awaitReady() {
        process.awaitReady(this::answers, Duration.ofSeconds(90));
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    /** Kills the broker as a crash would; {@link #launch} brings it back on the same log directory. */
    public void kill() {
        process.kill();
    }

    @Override
    public void close() {
        process.close();
    }

    private boolean answers() {
        if (!Ports.accepting(port)) {
            return false;
        }
        Map<String, Object> config = Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000);
        try (Admin admin = Admin.create(config)) {
            return !admin.describeCluster().nodes().get(3, TimeUnit.SECONDS).isEmpty();
        } catch (Exception e) {
            return false;
        }
    }

    private static void format(Path home, Path config, List<String> jvm, EngineSettings settings) throws IOException {
        if (Files.exists(home.resolve("data").resolve("meta.properties"))) {
            return;
        }
        ChildProcess format = ChildProcess.start("kafka-format", Java.command("256m", jvm, List.of(
                        "kafka.tools.StorageTool", "format", "-t", Uuid.randomUuid().toString(),
                        "-c", config.toString(), "--ignore-formatted")),
                settings.logDir(), settings.runDir());
        format.awaitReady(() -> !format.isAlive(), Duration.ofSeconds(60));
        if (!Files.exists(home.resolve("data").resolve("meta.properties"))) {
            throw new EngineStartException(NAME, "formatting the KRaft log directory failed", format.log());
        }
        format.close();
    }

    private static Path writeConfig(Path home, EngineSettings settings) throws IOException {
        Properties p = new Properties();
        p.setProperty("process.roles", "broker,controller");
        p.setProperty("node.id", "1");
        p.setProperty("controller.quorum.voters", "1@127.0.0.1:" + settings.kafkaControllerPort());
        p.setProperty("listeners", "PLAINTEXT://127.0.0.1:" + settings.kafkaPort()
                + ",CONTROLLER://127.0.0.1:" + settings.kafkaControllerPort());
        p.setProperty("advertised.listeners", "PLAINTEXT://127.0.0.1:" + settings.kafkaPort());
        p.setProperty("controller.listener.names", "CONTROLLER");
        p.setProperty("inter.broker.listener.name", "PLAINTEXT");
        p.setProperty("listener.security.protocol.map", "CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT");
        p.setProperty("log.dirs", home.resolve("data").toString());
        p.setProperty("num.partitions", "3");
        p.setProperty("auto.create.topics.enable", "false");
        p.setProperty("offsets.topic.replication.factor", "1");
        p.setProperty("offsets.topic.num.partitions", "5");
        p.setProperty("transaction.state.log.replication.factor", "1");
        p.setProperty("transaction.state.log.min.isr", "1");
        p.setProperty("group.initial.rebalance.delay.ms", "0");
        // The event topics are the history the metrics are recomputed from: keep it locally.
        p.setProperty("log.retention.ms", "-1");
        p.setProperty("log.flush.interval.messages", "1");
        Path file = home.resolve("server.properties");
        try (var out = Files.newBufferedWriter(file)) {
            p.store(out, "written by dr-engines on every start");
        }
        return file;
    }

    private static Path writeLogging(Path home) throws IOException {
        Files.writeString(home.resolve("log4j.properties"), """
                log4j.rootLogger=INFO, stdout
                log4j.appender.stdout=org.apache.log4j.ConsoleAppender
                log4j.appender.stdout.layout=org.apache.log4j.PatternLayout
                log4j.appender.stdout.layout.ConversionPattern=[%d] %p %m (%c)%n
                """);
        Path logback = home.resolve("logback.xml");
        Files.writeString(logback, """
                <configuration>
                  <appender name="out" class="ch.qos.logback.core.ConsoleAppender">
                    <encoder><pattern>%d %-5level %logger{36} - %msg%n</pattern></encoder>
                  </appender>
                  <logger name="org.apache.kafka" level="WARN"/>
                  <logger name="kafka" level="WARN"/>
                  <logger name="kafka.server.KafkaRaftServer" level="INFO"/>
                  <root level="INFO"><appender-ref ref="out"/></root>
                </configuration>
                """);
        return logback;
    }
}
