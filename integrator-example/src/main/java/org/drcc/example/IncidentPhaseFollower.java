package org.drcc.example;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Follows {@code dr.incident.events} and prints each incident's phase changes, one line each:
 * {@code 2026-11-25T10:05:00Z incident 5b0c… DECLARED -> ASSESSED (by person 0b5f…)}.
 *
 * <p>What it shows an integrator: the event type is the {@code ce_type} header (the value is the event alone);
 * records arrive at least once, so it skips a {@code ce_id} it has seen; the key is the incident id, so one
 * incident's events arrive in order; {@code actor} is sealed personal data ({@code pd:v1:<subject>:…}), of which
 * an outside consumer can use only the pseudonymous subject id. A real consumer would keep the ids it has seen and
 * the phases in its own database, in the transaction of its own effect, and commit offsets after that.
 *
 * <p>Run: {@code java org.drcc.example.IncidentPhaseFollower 127.0.0.1:19092 my-group}.
 */
public final class IncidentPhaseFollower implements Runnable {

    public static final String TOPIC = "dr.incident.events";

    /** The event types that move an incident to a phase, by their ce_type. */
    private static final Map<String, String> PHASE_OF = Map.of(
            "dr.incident.declared.v1", "DECLARED",
            "dr.incident.assessed.v1", "ASSESSED",
            "dr.incident.contained.v1", "CONTAINED",
            "dr.incident.restored.v1", "RESTORED",
            "dr.incident.validated.v1", "VALIDATED",
            "dr.incident.closed.v1", "CLOSED",
            "dr.incident.cancelled.v1", "CANCELLED");

    private static final ObjectMapper JSON = new ObjectMapper();

    private final KafkaConsumer<String, String> consumer;
    private final PrintStream out;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Set<String> seen = new HashSet<>();
    private final Map<String, String> phases = new HashMap<>();

    public IncidentPhaseFollower(String bootstrapServers, String groupId, PrintStream out) {
        Properties settings = new Properties();
        settings.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        settings.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        settings.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        this.consumer = new KafkaConsumer<>(settings, new StringDeserializer(), new StringDeserializer());
        this.out = out;
    }

    public static void main(String[] args) {
        IncidentPhaseFollower follower = new IncidentPhaseFollower(args.length > 0 ? args[0] : "127.0.0.1:19092",
                args.length > 1 ? args[1] : "incident-phase-follower", System.out);
        Runtime.getRuntime().addShutdownHook(new Thread(follower::stop));
        follower.run();
    }

    @Override
    public void run() {
        try (consumer) {
            consumer.subscribe(List.of(TOPIC));
            while (running.get()) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    handle(record);
                }
                consumer.commitSync();
            }
        } catch (org.apache.kafka.common.errors.WakeupException stopped) {
            // stop() woke the poll: leave
        }
    }

    public void stop() {
        running.set(false);
        consumer.wakeup();
    }

    void handle(ConsumerRecord<String, String> record) {
        String id = header(record, "ce_id");
        if (id == null || !seen.add(id)) {
            return;
        }
        String type = header(record, "ce_type");
        JsonNode event;
        try {
            event = JSON.readTree(record.value());
        } catch (Exception unreadable) {
            out.println("skipped an unreadable record at offset " + record.offset());
            return;
        }
        String incident = event.path("incidentId").asText(record.key());
        String phase = PHASE_OF.get(type);
        if ("dr.incident.validation-failed.v1".equals(type)) {
            out.printf("%s incident %s validation failed, stays %s (by %s)%n", event.path("occurredAt").asText(),
                    incident, phases.getOrDefault(incident, "RESTORED"), who(event.path("actor").asText()));
        }
        if (phase == null) {
            return;
        }
        String before = phases.put(incident, phase);
        out.printf("%s incident %s %s -> %s (by %s)%n", event.path("occurredAt").asText(), incident,
                before == null ? "(new)" : before, phase, who(event.path("actor").asText()));
    }

    /** A sealed actor names only the person's pseudonymous subject id; an old plain one, the name itself. */
    static String who(String actor) {
        if (actor.startsWith("pd:v1:")) {
            String[] parts = actor.split(":", 4);
            return "person " + (parts.length > 2 ? parts[2] : "?");
        }
        return actor;
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
