package org.drcc.example;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.drcc.testsupport.TestEvents;
import org.drcc.testsupport.WithEngines;
import org.junit.jupiter.api.Test;

/**
 * The integrator's example on the real broker: incident events as incident-service publishes them (CloudEvents
 * headers, JSON value, sealed actor), one of them delivered twice, come out as one line per phase change.
 */
@WithEngines(database = "incident")
class IncidentPhaseFollowerIT {

    private static final String SEALED = "pd:v1:0b5f0c3e-2f7a-4b7e-9a51-2d7f4f0d9a10:q3T0bXlfc2VhbGVkX25hbWU";

    @Test
    void printsEachPhaseChangeOnceWithThePersonsPseudonym() throws Exception {
        String bootstrap = System.getProperty("spring.kafka.bootstrap-servers");
        String incident = UUID.randomUUID().toString();
        createTopicAsIncidentServiceDoes(bootstrap);
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        IncidentPhaseFollower follower = new IncidentPhaseFollower(bootstrap, "example-" + incident,
                new PrintStream(printed, true, StandardCharsets.UTF_8));
        Thread thread = new Thread(follower, "follower");
        thread.start();
        try (TestEvents events = new TestEvents(bootstrap)) {
            events.publishRaw(IncidentPhaseFollower.TOPIC, incident, "e1", "dr.incident.declared.v1",
                    event(incident, "2026-11-25T10:05:00Z", "{\"scenarioId\":\"database-corruption\"}"));
            events.publishRaw(IncidentPhaseFollower.TOPIC, incident, "e2", "dr.incident.note-added.v1",
                    event(incident, "2026-11-25T10:06:00Z", "{\"text\":\"looking\"}"));
            events.publishRaw(IncidentPhaseFollower.TOPIC, incident, "e3", "dr.incident.assessed.v1",
                    event(incident, "2026-11-25T10:10:00Z", "{\"summary\":\"orders table\"}"));
            events.publishRaw(IncidentPhaseFollower.TOPIC, incident, "e3", "dr.incident.assessed.v1",
                    event(incident, "2026-11-25T10:10:00Z", "{\"summary\":\"orders table\"}"));
            events.publishRaw(IncidentPhaseFollower.TOPIC, incident, "e4", "dr.incident.cancelled.v1",
                    event(incident, "2026-11-25T10:20:00Z", "{\"reason\":\"false alarm\"}"));

            String expected = "2026-11-25T10:20:00Z incident " + incident + " ASSESSED -> CANCELLED";
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (!printed.toString(StandardCharsets.UTF_8).contains(expected) && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
        } finally {
            follower.stop();
            thread.join(10_000);
        }
        assertThat(printed.toString(StandardCharsets.UTF_8).lines().filter(l -> l.contains(incident)))
                .containsExactly(
                        "2026-11-25T10:05:00Z incident " + incident + " (new) -> DECLARED (by person 0b5f0c3e-2f7a-4b7e-9a51-2d7f4f0d9a10)",
                        "2026-11-25T10:10:00Z incident " + incident + " DECLARED -> ASSESSED (by person 0b5f0c3e-2f7a-4b7e-9a51-2d7f4f0d9a10)",
                        "2026-11-25T10:20:00Z incident " + incident + " ASSESSED -> CANCELLED (by person 0b5f0c3e-2f7a-4b7e-9a51-2d7f4f0d9a10)");
    }

    /** The broker creates no topic by itself; incident-service creates the contract topics when it starts. */
    private static void createTopicAsIncidentServiceDoes(String bootstrap) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(List.of(new NewTopic(IncidentPhaseFollower.TOPIC, 3, (short) 1))).all().get();
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
    }

    private static String event(String incident, String at, String fields) {
        return "{\"incidentId\":\"" + incident + "\",\"actor\":\"" + SEALED + "\",\"occurredAt\":\"" + at + "\","
                + fields.substring(1);
    }
}
