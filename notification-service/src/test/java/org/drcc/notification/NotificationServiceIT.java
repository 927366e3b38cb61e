package org.drcc.notification;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.drcc.contract.Topics;
import org.drcc.contract.backup.BackupVerificationFailedEvent;
import org.drcc.contract.backup.RpoAtRiskEvent;
import org.drcc.contract.backup.RpoRecoveredEvent;
import org.drcc.contract.incident.IncidentClosedEvent;
import org.drcc.contract.incident.IncidentDeclaredEvent;
import org.drcc.contract.incident.IncidentRestoredEvent;
import org.drcc.contract.incident.IncidentRole;
import org.drcc.contract.incident.IncidentTargets;
import org.drcc.contract.incident.Phase;
import org.drcc.contract.incident.PhaseWindowBreachedEvent;
import org.drcc.contract.incident.RoleAssignedEvent;
import org.drcc.contract.incident.NoteAddedEvent;
import org.drcc.contract.incident.Severity;
import org.drcc.contract.plan.ReviewDueEvent;
import org.drcc.contract.plan.ReviewKind;
import org.drcc.notification.command.Claim;
import org.drcc.notification.command.Envelope;
import org.drcc.notification.command.NotificationId;
import org.drcc.notification.command.ScheduleNotificationCommand;
import org.drcc.notification.command.StartDeliveryCommand;
import org.drcc.testsupport.TestEvents;
import org.drcc.testsupport.WithEngines;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.drcc.kit.security.Permission;
import org.drcc.kit.security.PermissionTable;
import org.drcc.kit.security.Roles;
import org.drcc.testsupport.OpenApiWalk;
import org.drcc.testsupport.TestTokens;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

@WithEngines(database = "notification")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "DR_COMMUNICATION_PLAN=classpath:communication-plan-it.yml",
        "dr.notification.max-attempts=3", "dr.notification.initial-backoff=PT0.2S",
        "dr.notification.backoff-multiplier=2", "dr.notification.poll-interval=PT0.2S",
        "dr.notification.timeout=PT15S",
        // the test's own receivers (WireMock, and a closed port) are on this machine: allowed by name, nothing else
        "dr.notification.allowed-hosts=localhost,127.0.0.1",
        // JavaMail's connect, read and write timeouts, through the service's own setting (short for the hung server)
        "DR_NOTIFICATION_MAIL_TIMEOUT_MS=2000"})
class NotificationServiceIT {

    private static final List<String> DEFAULT_AUDIENCES = List.of("DR Team Lead", "DevOps Team", "Management",
            "Security Team", "All Engineering", "Development Team", "Product Team", "Support Team", "All Company");

    @Autowired
    TestRestTemplate http;
    @Autowired
    KafkaListenerEndpointRegistry listeners;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    CommandGateway commands;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    io.micrometer.core.instrument.MeterRegistry meters;

    private final String bootstrap = System.getProperty("spring.kafka.bootstrap-servers");

    /**
     * Waits until the dispatcher has run {@code n} more rounds to their end (the first may have begun before this
     * call): a duplicate those rounds would have made, claimed or sent is there to be seen after them.
     */
    private void awaitDispatcherRounds(int n) {
        double before = meters.get("dr.notification.dispatch.rounds").counter().count();
        await().atMost(Duration.ofSeconds(30))
                .until(() -> meters.get("dr.notification.dispatch.rounds").counter().count() >= before + n);
    }

    @org.junit.jupiter.api.BeforeEach
    void signIn() {
        TestTokens.signIn(http, Roles.VIEWER, "victor");
    }

    @Test
    void theStatusPageIsPublicAndEveryOtherOperationIsGuarded(@Autowired PermissionTable permissions) {
        TestRestTemplate anonymous = OpenApiWalk.anonymous(http);
        for (String page : List.of("/status", "/status.json", "/status/feed.atom", "/actuator/health")) {
            assertThat(anonymous.getForEntity(page, String.class).getStatusCode().value()).as(page).isEqualTo(200);
        }
        OpenApiWalk.assertEveryOperationGuarded(http, java.util.Set.of("/status", "/status.json", "/api/status",
                "/status/feed.atom", "/api/status/subscriptions", "/api/status/subscriptions/confirm",
                "/api/status/subscriptions/unsubscribe", "/status/subscribe", "/status/subscriptions/confirm",
                "/status/subscriptions/unsubscribe"), (method, path) -> permissions.find(
                        new org.springframework.mock.web.MockHttpServletRequest(method.name(), path))
                .map(Permission::roles).orElse(List.of()));
    }

    @DynamicPropertySource
    static void channels(DynamicPropertyRegistry registry) {
        TestChannels.register(registry);
    }

    @Test
    void aDeclarationReachesEveryChannelOnceThoughDeliveredAgainAndAfterARestart() throws Exception {
        String id = UUID.randomUUID().toString();
        IncidentDeclaredEvent declared = TestEvents.declared(id, Severity.HIGH, false);
        flakyOnceFor(id);
        String eventId;
        try (TestEvents events = new TestEvents(bootstrap)) {
            eventId = events.publish(Topics.INCIDENT_EVENTS, id, declared);
            events.publish(Topics.INCIDENT_EVENTS, id, eventId, declared);
            events.awaitConsumed("notification-service", Topics.INCIDENT_EVENTS, Duration.ofSeconds(60));
        }
        awaitSettled(id, 14);

        // the declaration's messages (the escalation, 30 s later in this plan, has its own test)
        List<Map<String, Object>> rows = notifications(id).stream()
                .filter(r -> r.get("kind").equals("incident-declaration")).toList();
        assertThat(rows.stream().map(r -> r.get("audience")).distinct()).containsExactlyElementsOf(DEFAULT_AUDIENCES);
        assertThat(rows).filteredOn(r -> r.get("audience").equals("Management")).singleElement()
                .satisfies(r -> assertThat(r).containsEntry("tier", "immediate").containsEntry("channel", "log")
                        .containsEntry("dueAt", declared.detectedAt().plus(Duration.ofMinutes(15)).toString())
                        .as("only logged: nobody was told, so the deadline is not met though it was on time")
                        .containsEntry("status", "NOT_DELIVERED").containsEntry("deadline", "BREACHED"));
        assertThat(rows).filteredOn(r -> r.get("audience").equals("DR Team Lead")).hasSize(5)
                .allSatisfy(r -> assertThat(r).containsEntry("status", "SENT").containsEntry("deadline", "MET")
                        .containsEntry("attempts", 1));
        assertThat(rows).filteredOn(r -> r.get("channel").equals("teams")).singleElement()
                .satisfies(r -> assertThat(r).containsEntry("status", "FAILED").containsEntry("attempts", 3)
                        .satisfies(x -> assertThat((String) x.get("lastError")).contains("500")));
        assertThat(rows).filteredOn(r -> r.get("contact").equals("chat")).singleElement()
                .satisfies(r -> assertThat(r).as("refused once, accepted on the retry")
                        .containsEntry("status", "SENT").containsEntry("attempts", 2)
                        .satisfies(x -> assertThat((String) x.get("lastError")).contains("503")));
        assertDeliveredOnce(id);

        // a restart of the consumer, then the same CloudEvent again: the inbox knows its id
        listeners.getListenerContainer("incident-events").stop();
        try (TestEvents events = new TestEvents(bootstrap)) {
            events.publish(Topics.INCIDENT_EVENTS, id, eventId, declared);
            listeners.getListenerContainer("incident-events").start();
            events.awaitConsumed("notification-service", Topics.INCIDENT_EVENTS, Duration.ofSeconds(60));
            // and even if the inbox had lost it (a crash before its record was kept), the notification
            // ids derived from the event id name the same aggregates, which are already past sending
            jdbc.sql("DELETE FROM processed_event WHERE event_id = ?").param(eventId).update();
            events.publish(Topics.INCIDENT_EVENTS, id, eventId, declared);
            events.awaitConsumed("notification-service", Topics.INCIDENT_EVENTS, Duration.ofSeconds(60));
        }
        awaitDispatcherRounds(3); // several dispatcher rounds, in which a duplicate would have been sent
        assertThat(notifications(id)).filteredOn(r -> r.get("kind").equals("incident-declaration"))
                .hasSize(rows.size());
        assertDeliveredOnce(id);

        assertThat(publishedTypes(id, "dr.notification.failed.v1")).contains("dr.notification.scheduled.v1", "dr.notification.sent.v1",
                "dr.notification.deadline-met.v1", "dr.notification.retried.v1", "dr.notification.failed.v1");
    }

    /**
     * The security review's finding: the public page published the internal write-ups word for word and named the
     * scenario. A ransomware incident with internal notes, a stakeholder update and phase summaries shows none of
     * them, nor the scenario or the internal title; the update a person publishes (previewed first) is there.
     */
    @Test
    void thePublicStatusPageShowsOnlyWhatAPersonPublishedAndNeverTheScenarioOrTheWriteUps() throws Exception {
        String id = UUID.randomUUID().toString();
        String drillId = UUID.randomUUID().toString();
        IncidentDeclaredEvent d = TestEvents.declared(id, Severity.HIGH, false);
        IncidentDeclaredEvent declared = new IncidentDeclaredEvent(id, "ransomware-attack", "LockBit on orders-db",
                "encrypted at 03:12", d.severity(), d.rto(), d.rpo(), d.detectedAt(), d.suspectedDamageStart(), false,
                "alice", d.occurredAt());
        IncidentDeclaredEvent drill = TestEvents.declared(drillId, Severity.HIGH, true);
        IncidentTargets targets = new IncidentTargets("ransomware-attack", d.rto(), d.rpo(), false);
        Instant now = Instant.now();
        List<String> internal = List.of("stakeholders: orders-db encrypted, ransom note found",
                "internal: call dave@example.org", "LockBit variant, entry through the VPN appliance",
                "VPN appliance isolated, keys rotated", "Orders restored from backup b-1 of 03:00");
        try (TestEvents events = new TestEvents(bootstrap)) {
            events.publish(Topics.INCIDENT_EVENTS, id, declared);
            events.publish(Topics.INCIDENT_EVENTS, drillId, drill);
            events.publish(Topics.INCIDENT_EVENTS, id, new NoteAddedEvent(id, targets, internal.get(0), true, "alice",
                    now.plusSeconds(1)));
            events.publish(Topics.INCIDENT_EVENTS, id, new NoteAddedEvent(id, targets, internal.get(1), false, "alice",
                    now.plusSeconds(2)));
            events.publish(Topics.INCIDENT_EVENTS, id, new org.drcc.contract.incident.IncidentAssessedEvent(id, targets,
                    internal.get(2), "alice", now.plusSeconds(3)));
            events.publish(Topics.INCIDENT_EVENTS, id, new org.drcc.contract.incident.IncidentContainedEvent(id,
                    targets, internal.get(3), "alice", now.plusSeconds(4)));
            events.publish(Topics.INCIDENT_EVENTS, id, new IncidentRestoredEvent(id, targets, "b-1", now,
                    internal.get(4), "bob", now.plusSeconds(5)));
            events.awaitConsumed("notification-service", Topics.INCIDENT_EVENTS, Duration.ofSeconds(60));
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> http.getForObject("/status.json", String.class)
                .contains("\"incidentId\":\"" + id + "\",\"title\":\"Service disruption: Ordering, Payments\","
                        + "\"status\":\"monitoring\""));
        List<String> neverPublic = new ArrayList<>(internal);
        neverPublic.addAll(List.of("ransomware", "LockBit on orders-db", "encrypted at 03:12", "alice", "bob",
                drillId));
        for (String page : List.of("/status", "/status.json", "/api/status", "/status/feed.atom")) {
            assertThat(OpenApiWalk.anonymous(http).getForObject(page, String.class)).as(page)
                    .doesNotContain(neverPublic);
        }

        String text = "Some orders could not be placed this morning; ordering works again.";
        HttpHeaders lead = new HttpHeaders();
        lead.set(HttpHeaders.AUTHORIZATION, TestTokens.bearer(Roles.DR_LEAD, "lead"));
        lead.setContentType(org.springframework.http.MediaType.APPLICATION_JSON);
        String update = "{\"text\": \"" + text + "\", \"title\": \"Ordering interrupted\"}";
        var preview = http.exchange("/api/status/incidents/" + id + "/updates/preview", HttpMethod.POST,
                new HttpEntity<>(update, lead), String.class);
        assertThat(preview.getStatusCode().value()).isEqualTo(200);
        assertThat(preview.getBody()).contains("\"title\":\"Ordering interrupted\"", text, "\"components\":[\"Ordering\",\"Payments\"]")
                .doesNotContain(neverPublic);
        assertThat(http.getForObject("/status.json", String.class)).as("a preview publishes nothing")
                .doesNotContain(text);

        var published = http.exchange("/api/status/incidents/" + id + "/updates", HttpMethod.POST,
                new HttpEntity<>(update, lead), String.class);
        assertThat(published.getStatusCode().value()).isEqualTo(201);
        TestRestTemplate anonymous = OpenApiWalk.anonymous(http);
        assertThat(anonymous.getForObject("/status", String.class)).contains("Ordering interrupted", text)
                .doesNotContain(neverPublic);
        assertThat(anonymous.getForObject("/status/feed.atom", String.class))
                .contains("Ordering interrupted: update", text).doesNotContain(neverPublic);
        assertThat(anonymous.getForObject("/status.json", String.class)).contains(text).doesNotContain(neverPublic);
        // what the public was told, and by whom, is an event like every message: on the topic, its author sealed
        var told = TestEvents.awaitRecord(bootstrap, Topics.NOTIFICATION_EVENTS, id,
                "dr.notification.status-update-published.v1", Duration.ofSeconds(60));
        assertThat(told.value()).contains(text).doesNotContain("\"lead\"").contains("pd:v1:");

        var drillUpdate = http.exchange("/api/status/incidents/" + drillId + "/updates", HttpMethod.POST,
                new HttpEntity<>(update, lead), String.class);
        assertThat(drillUpdate.getStatusCode().value()).as("drills are never published").isEqualTo(404);
        HttpHeaders viewer = new HttpHeaders();
        viewer.set(HttpHeaders.AUTHORIZATION, TestTokens.bearer(Roles.DEVOPS, "dev"));
        viewer.setContentType(org.springframework.http.MediaType.APPLICATION_JSON);
        assertThat(http.exchange("/api/status/incidents/" + id + "/updates", HttpMethod.POST,
                new HttpEntity<>("{\"text\": \"devops says hi\"}", viewer), String.class).getStatusCode().value())
                .as("publishing is for the DR lead and support").isEqualTo(403);
        assertThat(http.exchange("/api/status/incidents/" + id + "/updates", HttpMethod.POST,
                new HttpEntity<>("{\"text\": \" \"}", lead), String.class))
                .satisfies(r -> assertThat(r.getStatusCode().value()).isEqualTo(400))
                .satisfies(r -> assertThat(r.getBody()).contains("text"));
    }

    @Test
    void phaseChangesSendTheirKindOfMessageAndASentOneCanBeAcknowledged() throws Exception {
        String id = UUID.randomUUID().toString();
        IncidentDeclaredEvent declared = TestEvents.declared(id, Severity.LOW, true);
        IncidentTargets targets = declared.targets();
        Instant now = Instant.now();
        try (TestEvents events = new TestEvents(bootstrap)) {
            events.publish(Topics.INCIDENT_EVENTS, id, declared);
            events.publish(Topics.INCIDENT_EVENTS, id, new IncidentRestoredEvent(id, targets, "b-1", now,
                    "orders restored from the 09:00 backup", "bob", now));
            events.publish(Topics.INCIDENT_EVENTS, id, new IncidentClosedEvent(id, targets,
                    "root cause: a bad migration", "bob", now.plusSeconds(60)));
            events.awaitConsumed("notification-service", Topics.INCIDENT_EVENTS, Duration.ofSeconds(60));
        }
        awaitSettled(id, 3 * 14);
        assertThat(notifications(id)).extracting(r -> r.get("kind")).contains("incident-declaration",
                "recovery-completion", "post-incident-summary").doesNotContain("status-update");
        List<String> slack = TestChannels.HTTP.findAll(postRequestedFor(urlPathMatching("/slack/.*"))).stream()
                .map(LoggedRequest::getBodyAsString).filter(b -> b.contains(id) || b.contains("[DRILL]")).toList();
        assertThat(slack).anyMatch(b -> b.contains("recovery restored (bob). orders restored from the 09:00 backup"))
                .anyMatch(b -> b.contains("closed (bob). root cause: a bad migration"));

        Map<String, Object> sent = notifications(id).stream().filter(r -> r.get("channel").equals("slack")
                && r.get("audience").equals("DR Team Lead")).findFirst().orElseThrow();
        HttpHeaders headers = new HttpHeaders();
        headers.add(HttpHeaders.AUTHORIZATION, TestTokens.bearer(Roles.SUPPORT, "carol"));
        assertThat(http.exchange("/api/notifications/" + sent.get("notificationId") + "/acknowledge",
                HttpMethod.POST, new HttpEntity<>(headers), String.class).getStatusCode().value()).isEqualTo(204);
        await().atMost(Duration.ofSeconds(10)).until(() -> notifications(id).stream()
                .anyMatch(r -> "carol".equals(r.get("acknowledgedBy"))));

        Map<String, Object> failed = notifications(id).stream().filter(r -> r.get("channel").equals("teams"))
                .findFirst().orElseThrow();
        var refused = acknowledge(failed.get("notificationId").toString(), Roles.DEVOPS, "devon");
        assertThat(refused.getStatusCode().value()).isEqualTo(409);
        assertThat(refused.getBody()).contains("only a sent message can be acknowledged");
        assertThat(http.exchange("/api/notifications/" + UUID.randomUUID() + "/acknowledge", HttpMethod.POST,
                new HttpEntity<>(headers), String.class).getStatusCode().value()).isEqualTo(404);
    }

    /**
     * The security review's finding (OWASP API1): anyone with a responder role could acknowledge any message and
     * so stop its escalation for everyone. Now only the audience's members or the incident's DR lead may.
     */
    @Test
    void onlyTheAudiencesMembersOrTheIncidentsDrLeadMayAcknowledge() throws Exception {
        String id = UUID.randomUUID().toString();
        IncidentDeclaredEvent declared = TestEvents.declared(id, Severity.HIGH, false);
        try (TestEvents events = new TestEvents(bootstrap)) {
            events.publish(Topics.INCIDENT_EVENTS, id, declared);
            events.publish(Topics.INCIDENT_EVENTS, id, new org.drcc.contract.incident.RoleAssignedEvent(id,
                    declared.targets(), org.drcc.contract.incident.IncidentRole.DR_LEAD, "dana", null, "alice",
                    declared.occurredAt().plusSeconds(1)));
            events.awaitConsumed("notification-service", Topics.INCIDENT_EVENTS, Duration.ofSeconds(60));
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> notifications(id).stream().filter(r ->
                r.get("audience").equals("DR Team Lead") || r.get("audience").equals("DevOps Team"))
                .filter(r -> r.get("channel").equals("slack") && r.get("status").equals("SENT")).count() >= 2);
        String leadsMessage = notifications(id).stream().filter(r -> r.get("audience").equals("DR Team Lead")
                && r.get("channel").equals("slack")).findFirst().orElseThrow().get("notificationId").toString();
        String devopsMessage = notifications(id).stream().filter(r -> r.get("audience").equals("DevOps Team")
                && r.get("channel").equals("slack")).findFirst().orElseThrow().get("notificationId").toString();

        var refused = acknowledge(leadsMessage, Roles.SECURITY, "mallory");
        assertThat(refused.getStatusCode().value()).isEqualTo(403);
        assertThat(refused.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        assertThat(refused.getBody()).contains("only a member of DR Team Lead", "mallory");
        assertThat(acknowledge(devopsMessage, Roles.SUPPORT, "carol").getStatusCode().value())
                .as("carol is of DR Team Lead, not of DevOps Team").isEqualTo(403);
        assertThat(notifications(id)).as("nothing recorded").allSatisfy(r -> assertThat(r.get("acknowledgedBy")).isNull());

        assertThat(acknowledge(leadsMessage, Roles.SUPPORT, "carol").getStatusCode().value()).isEqualTo(204);
        assertThat(acknowledge(devopsMessage, Roles.DEVOPS, "dana").getStatusCode().value())
                .as("the incident's DR lead may acknowledge any of its messages").isEqualTo(204);
        await().atMost(Duration.ofSeconds(10)).until(() -> notifications(id).stream()
                .filter(r -> r.get("acknowledgedBy") != null).map(r -> r.get("notificationId") + "/" + r.get("acknowledgedBy"))
                .toList().containsAll(List.of(leadsMessage + "/carol", devopsMessage + "/dana")));
    }

    private org.springframework.http.ResponseEntity<String> acknowledge(String notificationId, String role,
                                                                        String name) {
        HttpHeaders headers = new HttpHeaders();
        headers.add(HttpHeaders.AUTHORIZATION, TestTokens.bearer(role, name));
        return http.exchange("/api/notifications/" + notificationId + "/acknowledge", HttpMethod.POST,
                new HttpEntity<>(headers), String.class);
    }

    /**
     * The security review's finding: JavaMail waits forever by default, so one SMTP server that accepts and never
     * answers stalled the dispatcher and every channel behind it. A socket on this machine does just that; each
     * attempt fails as a timeout within the setting (2 s here), and the other channels deliver.
     */
    @Test
    void aHungMailServerTimesOutWithinItsBoundAndTheOtherChannelsStillDeliver(
            @Autowired org.springframework.mail.javamail.JavaMailSender mail,
            @Autowired io.micrometer.core.instrument.MeterRegistry meters) throws Exception {
        var smtp = (org.springframework.mail.javamail.JavaMailSenderImpl) mail;
        int greenMail = smtp.getPort();
        List<java.net.Socket> held = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (var hung = new java.net.ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            Thread acceptor = new Thread(() -> {
                while (!hung.isClosed()) {
                    try {
                        held.add(hung.accept()); // accepted, and never a byte of greeting
                    } catch (java.io.IOException closed) {
                        return;
                    }
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            smtp.setPort(hung.getLocalPort());
            try {
                String id = UUID.randomUUID().toString();
                try (TestEvents events = new TestEvents(bootstrap)) {
                    events.publish(Topics.INCIDENT_EVENTS, id, TestEvents.declared(id, Severity.HIGH, false));
                    events.awaitConsumed("notification-service", Topics.INCIDENT_EVENTS, Duration.ofSeconds(60));
                }
                long started = System.nanoTime();
                await().atMost(Duration.ofSeconds(60)).until(() -> notifications(id).stream().anyMatch(r ->
                        r.get("channel").equals("email") && r.get("status").equals("FAILED")));
                Duration took = Duration.ofNanos(System.nanoTime() - started);
                assertThat(notifications(id)).filteredOn(r -> r.get("channel").equals("email")).singleElement()
                        .satisfies(r -> assertThat(r).containsEntry("lastError", "email: timed out")
                                .containsEntry("attempts", 3));
                // without the timeouts the first attempt would never end; with them, 2 s each and the backoff (with
                // room for a loaded machine)
                assertThat(took).as("three attempts of 2 s each, and their backoff").isLessThan(Duration.ofSeconds(30));
                assertThat(held).as("the mail server was tried").isNotEmpty();
                assertThat(meters.get("dr.notifications.failed").gauge().value())
                        .as("the message given up is counted for the DrNotificationsFailed alert").isPositive();
                assertThat(meters.get("dr.notification.deadlines.breached").gauge().value())
                        .as("given up, the immediate tier's message breached its deadline too").isPositive();
                assertThat(notifications(id)).filteredOn(r -> r.get("audience").equals("DR Team Lead")
                                && List.of("slack", "webhook", "pagerduty", "opsgenie").contains(r.get("channel")))
                        .hasSize(4).allSatisfy(r -> assertThat(r).containsEntry("status", "SENT"));
            } finally {
                smtp.setPort(greenMail);
                for (var socket : held) {
                    socket.close();
                }
            }
        }
    }

    @Test
    void aDeclarationNobodyAcknowledgesIsEscalatedOnceAndAnAcknowledgedOneIsNot() throws Exception {
        String ignored = UUID.randomUUID().toString();
        String acknowledged = UUID.randomUUID().toString();
        try (TestEvents events = new TestEvents(bootstrap)) {
            events.publish(Topics.INCIDENT_EVENTS, ignored, TestEvents.declared(ignored, Severity.HIGH, false));
            events.publish(Topics.INCIDENT_EVENTS, acknowledged,
                    TestEvents.declared(acknowledged, Severity.HIGH, false));
            events.awaitConsumed("notification-service", Topics.INCIDENT_EVENTS, Duration.ofSeconds(60));
        }
        // acknowledged before the plan's escalation (30 s in this plan)
        await().atMost(Duration.ofSeconds(25)).until(() -> notifications(acknowledged).stream()
                .anyMatch(r -> r.get("channel").equals("email") && r.get("status").equals("SENT")));
        Map<String, Object> mail = notifications(acknowledged).stream()
                .filter(r -> r.get("channel").equals("email")).findFirst().orElseThrow();
        HttpHeaders headers = new HttpHeaders();
        headers.add(HttpHeaders.AUTHORIZATION, TestTokens.bearer(Roles.DR_LEAD, "lead"));
        http.exchange("/api/notifications/" + mail.get("notificationId") + "/acknowledge", HttpMethod.POST,
                new HttpEntity<>(headers), String.class);

        await().atMost(Duration.ofSeconds(90)).until(() -> notifications(ignored).stream()
                .anyMatch(r -> r.get("kind").equals("escalation") && r.get("status").equals("SENT")));
        awaitDispatcherRounds(3); // more dispatcher rounds, in which a second escalation would have been made
        assertThat(notifications(ignored)).filteredOn(r -> r.get("kind").equals("escalation")).singleElement()
                .satisfies(r -> assertThat(r).containsEntry("audience", "Duty Manager"));
        assertThat(TestChannels.HTTP.findAll(postRequestedFor(urlEqualTo("/escalate"))
                .withRequestBody(matchingJsonPath("$.text", com.github.tomakehurst.wiremock.client.WireMock
                        .containing(ignored))))).singleElement()
                .satisfies(r -> assertThat(r.getBodyAsString()).contains("nobody of the immediate tier"));
        assertThat(notifications(acknowledged)).noneMatch(r -> r.get("kind").equals("escalation"));
        assertThat(publishedTypes(ignored, "dr.notification.escalated.v1")).contains("dr.notification.escalated.v1");
    }

    @Test
    void aBreachedPhaseWindowIsEscalatedToTheDrLeadsManagementOnceThoughDeliveredTwice() throws Exception {
        String id = UUID.randomUUID().toString();
        IncidentDeclaredEvent declared = TestEvents.declared(id, Severity.HIGH, false);
        Instant deadline = declared.occurredAt().plus(Duration.ofMinutes(30));
        PhaseWindowBreachedEvent breach = new PhaseWindowBreachedEvent(id, declared.targets(), Phase.ASSESSMENT,
                deadline, "incident-service", deadline.plusSeconds(1));
        String breachId = UUID.randomUUID().toString();
        try (TestEvents events = new TestEvents(bootstrap)) {
            events.publish(Topics.INCIDENT_EVENTS, id, declared);
            events.publish(Topics.INCIDENT_EVENTS, id, new RoleAssignedEvent(id, declared.targets(),
                    IncidentRole.DR_LEAD, "dana", null, "alice", declared.occurredAt()));
            events.publish(Topics.INCIDENT_EVENTS, id, breachId, breach);
            events.publish(Topics.INCIDENT_EVENTS, id, breachId, breach);
            events.awaitConsumed("notification-service", Topics.INCIDENT_EVENTS, Duration.ofSeconds(60));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> notifications(id).stream()
                .anyMatch(r -> r.get("kind").equals("phase-window-breached") && r.get("status").equals("SENT")));
        assertThat(notifications(id)).filteredOn(r -> r.get("kind").equals("phase-window-breached")).singleElement()
                .satisfies(r -> assertThat(r).containsEntry("audience", "Duty Manager"));
        assertThat(TestChannels.HTTP.findAll(postRequestedFor(urlEqualTo("/escalate"))
                .withRequestBody(matchingJsonPath("$.text", com.github.tomakehurst.wiremock.client.WireMock
                        .containing(id))))).singleElement()
                .satisfies(r -> assertThat(r.getBodyAsString()).contains("still in ASSESSMENT")
                        .contains("DR lead: dana").contains(deadline.toString()));
    }

    /**
     * The plan's "Email notifications (if extended outage)", on the IT plan's threshold of 10 s: an outage open past it
     * e-mails the users once; one restored before it never does; neither is told at the declaration.
     */
    @Test
    void theUsersAreEmailedOfAnOutageOpenPastTheThresholdOnceAndNeverOfOneRestoredBeforeIt() throws Exception {
        String longOne = UUID.randomUUID().toString();
        String restored = UUID.randomUUID().toString();
        String open = UUID.randomUUID().toString();
        try (TestEvents events = new TestEvents(bootstrap)) {
            events.publish(Topics.INCIDENT_EVENTS, longOne, dataCenterLost(longOne, Duration.ofHours(2)));
            IncidentDeclaredEvent declared = dataCenterLost(restored, Duration.ZERO);
            events.publish(Topics.INCIDENT_EVENTS, restored, declared);
            events.publish(Topics.INCIDENT_EVENTS, restored, new IncidentRestoredEvent(restored,
                    new IncidentTargets("data-center-failure", declared.rto(), declared.rpo(), false), "b-1",
                    declared.occurredAt(), "failed over", "bob", declared.occurredAt().plusSeconds(1)));
            // declared after the restored one: the round that finds it past the threshold finds the other past it too
            events.publish(Topics.INCIDENT_EVENTS, open, dataCenterLost(open, Duration.ZERO));
            events.awaitConsumed("notification-service", Topics.INCIDENT_EVENTS, Duration.ofSeconds(60));
        }
        assertThat(notifications(open)).as("declared: the declaration's audiences are told").isNotEmpty()
                .noneMatch(r -> r.get("audience").equals("Users by E-mail") && !r.get("kind").equals("extended-outage"));

        await().atMost(Duration.ofSeconds(60)).until(() -> usersMailedAbout(open).size() == 1);
        assertThat(notifications(restored)).as("restored before the threshold").isNotEmpty()
                .noneMatch(r -> r.get("audience").equals("Users by E-mail"));
        assertThat(usersMailedAbout(restored)).isEmpty();
        // the long one was found in the first round after its consumption, and in every later one: told once
        assertThat(usersMailedAbout(longOne)).singleElement().satisfies(m -> assertThat(m.getContent().toString())
                .contains("has been disrupted since", "You are told as Users by E-mail"));
        assertThat(notifications(longOne)).filteredOn(r -> r.get("audience").equals("Users by E-mail"))
                .hasSize(2).allSatisfy(r -> assertThat(r).containsEntry("kind", "extended-outage"));
        assertThat(TestChannels.HTTP.findAll(postRequestedFor(urlEqualTo("/slack/users"))
                .withRequestBody(matchingJsonPath("$.text", com.github.tomakehurst.wiremock.client.WireMock
                        .containing(longOne))))).singleElement()
                .satisfies(r -> assertThat(r.getBodyAsString()).contains("Extended outage"));
    }

    /** A data-center-failure (the only scenario the IT plan's users are told of) declared {@code ago}, titled by id. */
    private static IncidentDeclaredEvent dataCenterLost(String id, Duration ago) {
        IncidentDeclaredEvent now = TestEvents.declared(id, Severity.HIGH, false);
        Instant at = now.occurredAt().minus(ago);
        return new IncidentDeclaredEvent(id, "data-center-failure", "Data centre lost " + id, null, now.severity(),
                now.rto(), now.rpo(), at, at.minusSeconds(600), false, "alice", at);
    }

    /** The e-mails to the IT plan's users about an incident (their subject carries its title). */
    private static List<MimeMessage> usersMailedAbout(String id) throws Exception {
        List<MimeMessage> mails = new ArrayList<>();
        for (MimeMessage m : TestChannels.SMTP.getReceivedMessages()) {
            if (m.getAllRecipients()[0].toString().equals("users@example.com") && m.getSubject().contains(id)) {
                mails.add(m);
            }
        }
        return mails;
    }

    @Test
    void anAttemptCutShortByAStopIsResolvedWithoutASecondSend() {
        String id = UUID.randomUUID().toString();
        String notificationId = NotificationId.of("it-" + id, "DR Team Lead", "slack");
        Envelope envelope = new Envelope(id, "DR Team Lead", "slack", "slack", "Status", "status of " + id);
        // what a process that stopped in the middle of a send leaves behind: a claim with no outcome
        Claim claim = transactions.execute(tx -> {
            commands.sendAndWait(new ScheduleNotificationCommand(notificationId, id, "it-" + id, envelope,
                    "status-update", "immediate", null, Instant.now()));
            return commands.sendAndWait(new StartDeliveryCommand(notificationId, Instant.now()));
        });
        assertThat(claim).isNotNull();

        // the next dispatcher round resolves it; a round first waits for the sends it has in flight
        await().atMost(Duration.ofSeconds(60)).until(() -> notifications(id).get(0).get("status").equals("FAILED"));
        assertThat((String) notifications(id).get(0).get("lastError")).startsWith("interrupted while sending");
        assertThat(TestChannels.HTTP.findAll(postRequestedFor(urlPathMatching("/slack/.*"))
                .withRequestBody(matchingJsonPath("$.text", com.github.tomakehurst.wiremock.client.WireMock
                        .containing(id))))).as("the Slack message may have gone out: not sent again").isEmpty();
    }

    @Test
    void aMalformedEventIsParkedAndTheConsumerGoesOn() throws Exception {
        String malformedId = UUID.randomUUID().toString();
        String id = UUID.randomUUID().toString();
        try (TestEvents events = new TestEvents(bootstrap)) {
            events.publishRaw(Topics.INCIDENT_EVENTS, malformedId, UUID.randomUUID().toString(),
                    "dr.incident.declared.v1", "{\"incidentId\": ");
            events.publish(Topics.INCIDENT_EVENTS, id, TestEvents.declared(id, Severity.CRITICAL, false));
            events.awaitConsumed("notification-service", Topics.INCIDENT_EVENTS, Duration.ofSeconds(60));
        }
        assertThat(notifications(id)).extracting(d -> d.get("audience")).contains("Board");
        assertThat(deadLetterKeys()).contains(malformedId);
    }

    @Test
    void aStakeholderGroupChangedThroughTheApiIsToldAndABadChangeIsRefusedWhole() throws Exception {
        var bad = putJson("/api/plan/audiences/Legal", "{\"name\": \"Legal\", \"contacts\": ["
                + "{\"name\": \"counsel\", \"channel\": \"email\", \"target\": \"legal@example.com\"},"
                + "{\"name\": \"hook\", \"channel\": \"webhook\", \"target\": \"ftp://legal\", \"secret\": \"x\"}]}");
        assertThat(bad.getStatusCode().value()).isEqualTo(400);
        assertThat(bad.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        assertThat(bad.getBody()).contains("contacts[1]", "not an http(s) URL: its scheme is 'ftp'")
                .as("a webhook URL carries its key: never repeated in an answer").doesNotContain("ftp://legal");
        assertThat(http.getForObject("/api/plan", String.class)).as("nothing half-applied")
                .doesNotContain("legal@example.com");

        // the security review's attack: a webhook to the cloud's metadata service; and a loopback address the
        // settings do not name (they allow 127.0.0.1 and localhost only)
        for (String target : List.of("http://169.254.169.254/latest/meta-data/", "http://127.0.0.2:8080/x")) {
            var ssrf = putJson("/api/plan/audiences/Legal", "{\"name\": \"Legal\", \"contacts\": [{\"name\": "
                    + "\"hook\", \"channel\": \"webhook\", \"target\": \"" + target + "\", \"secret\": \"x\"}]}");
            assertThat(ssrf.getStatusCode().value()).as(target).isEqualTo(400);
            assertThat(ssrf.getHeaders().getContentType().toString()).startsWith("application/problem+json");
            assertThat(ssrf.getBody()).contains("contacts[0].target", "dr.notification.allowed-hosts");
        }
        assertThat(http.getForObject("/api/plan", String.class)).doesNotContain("169.254.169.254", "127.0.0.2");

        // the external communication's condition ("if extended outage") is changed as any group's, and checked alike
        var rule = putJson("/api/plan/audiences/Legal", "{\"name\": \"Legal\", \"openLongerThan\": \"-PT1H\"}");
        assertThat(rule.getStatusCode().value()).isEqualTo(400);
        assertThat(rule.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        assertThat(rule.getBody()).contains("tiers[2].audiences[2].openLongerThan", "must be positive, e.g. PT1H");

        var good = putJson("/api/plan/audiences/Legal", "{\"name\": \"Legal\", \"scenarios\": [\"ransomware-attack\"],"
                + " \"contacts\": [{\"name\": \"counsel\", \"channel\": \"email\", \"target\": \"legal@example.com\"}]}");
        assertThat(good.getStatusCode().value()).isEqualTo(200);
        assertThat(http.getForObject("/api/plan", String.class)).contains("legal@example.com");
        assertThat(http.getForObject("/api/plan/revisions", String.class))
                .contains("\"actor\":\"plan-admin\"", "replaced stakeholder group 'Legal'");
        assertThat(http.getForObject("/actuator/info", String.class)).as("the plan's check, also on the info endpoint")
                .contains("\"communicationPlan\"", "audience 'Security Team' has no contact");

        String id = UUID.randomUUID().toString();
        IncidentDeclaredEvent d = TestEvents.declared(id, Severity.HIGH, false);
        IncidentDeclaredEvent ransomware = new IncidentDeclaredEvent(id, "ransomware-attack", d.title(),
                d.description(), d.severity(), d.rto(), d.rpo(), d.detectedAt(), d.suspectedDamageStart(), false,
                d.actor(), d.occurredAt());
        try (TestEvents events = new TestEvents(bootstrap)) {
            events.publish(Topics.INCIDENT_EVENTS, id, ransomware);
            events.awaitConsumed("notification-service", Topics.INCIDENT_EVENTS, Duration.ofSeconds(60));
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> notifications(id).stream().anyMatch(r ->
                r.get("audience").equals("Legal") && r.get("contact").equals("counsel") && r.get("status").equals("SENT")));
        List<String> recipients = new ArrayList<>();
        for (MimeMessage m : mailsAbout(id)) {
            recipients.add(m.getAllRecipients()[0].toString());
        }
        assertThat(recipients).containsOnlyOnce("legal@example.com");
    }

    @Test
    void rpoAtRiskAndAFailedVerificationReachTheOwnersOnceAndTheRecoveryFollows() throws Exception {
        Instant now = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        String atRiskBackup = "b-" + UUID.randomUUID();
        String failedBackup = "b-" + UUID.randomUUID();
        String goodBackup = "b-" + UUID.randomUUID();
        String atRiskEventId;
        try (TestEvents events = new TestEvents(bootstrap)) {
            RpoAtRiskEvent atRisk = new RpoAtRiskEvent(atRiskBackup, "foodtruck", now.minus(Duration.ofHours(26)),
                    Duration.ofHours(24), Duration.ofHours(26), "backup-service", now);
            atRiskEventId = events.publish(Topics.BACKUP_EVENTS, "foodtruck", atRisk);
            events.publish(Topics.BACKUP_EVENTS, "foodtruck", atRiskEventId, atRisk); // redelivered
            events.publish(Topics.BACKUP_EVENTS, "foodtruck", new BackupVerificationFailedEvent(failedBackup,
                    "foodtruck", "table-checksum", "orders: md5 differs", "backup-service", now.plusSeconds(1)));
            events.publish(Topics.BACKUP_EVENTS, "foodtruck", new RpoRecoveredEvent(goodBackup, "foodtruck",
                    now.plusSeconds(2), Duration.ofHours(24), "backup-service", now.plusSeconds(3)));
            events.awaitConsumed("notification-service", Topics.BACKUP_EVENTS, Duration.ofSeconds(60));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> owners("foodtruck").stream()
                .filter(r -> r.get("status").equals("SENT")).count() >= 6);
        assertThat(owners("foodtruck")).hasSize(6).extracting(r -> r.get("kind") + "/" + r.get("contact"))
                .contains("rpo-at-risk/mail", "rpo-at-risk/chat", "backup-verification-failed/mail",
                        "backup-verification-failed/chat", "rpo-recovered/mail", "rpo-recovered/chat");
        awaitDispatcherRounds(3); // more dispatcher rounds, in which a duplicate would have been sent
        assertThat(TestChannels.HTTP.findAll(postRequestedFor(urlEqualTo("/slack/dba")).withRequestBody(
                matchingJsonPath("$.text", com.github.tomakehurst.wiremock.client.WireMock.containing(atRiskBackup)))))
                .singleElement().satisfies(r -> assertThat(r.getBodyAsString()).contains("RPO at risk"));
        assertThat(mailsAbout(failedBackup)).singleElement().satisfies(m -> {
            assertThat(m.getSubject()).isEqualTo("[DR] Backup verification failed: foodtruck");
            assertThat(m.getContent().toString()).contains("check 'table-checksum' failed", "orders: md5 differs");
            assertThat(m.getAllRecipients()[0].toString()).isEqualTo("dba@example.com");
        });
        assertThat(mailsAbout(goodBackup)).singleElement()
                .satisfies(m -> assertThat(m.getSubject()).isEqualTo("[DR] Back within RPO: foodtruck"));
        assertThat(mailsAbout(atRiskBackup)).hasSize(1);
    }

    /**
     * A webhook URL is its channel's secret. A delivery that fails must not write it where it stays for seven
     * years: the Slack contact's URL carries a marker and points at a closed port of this machine; after the
     * refused attempts, the API, the events on Kafka (which the audit archive keeps) say only the channel and
     * the kind of failure.
     */
    @Test
    void aFailedDeliveryRecordsTheChannelAndTheKindOfFailureNeverTheWebhookUrl() throws Exception {
        String marker = "SECRET" + UUID.randomUUID().toString().replace("-", "");
        int closedPort;
        try (var socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        var changed = putJson("/api/plan/audiences/{name}", "{\"name\": \"Leaky DBAs\", \"contacts\": ["
                + "{\"name\": \"chat\", \"channel\": \"slack\", \"target\": \"http://127.0.0.1:" + closedPort
                + "/services/" + marker + "\"}]}", "Leaky DBAs");
        assertThat(changed.getStatusCode().value()).isEqualTo(200);

        String source = "it-" + UUID.randomUUID();
        String notificationId = NotificationId.of(source, "Leaky DBAs", "chat");
        commands.sendAndWait(new ScheduleNotificationCommand(notificationId, "database:leakydb", source,
                new Envelope("database:leakydb", "Leaky DBAs", "chat", "slack", "Leak", "leak"),
                "rpo-at-risk", "owners", null, Instant.now()));
        await().atMost(Duration.ofSeconds(30)).until(() -> owners("leakydb").stream()
                .anyMatch(r -> r.get("notificationId").equals(notificationId) && r.get("status").equals("FAILED")));

        assertThat(owners("leakydb")).filteredOn(r -> r.get("notificationId").equals(notificationId)).singleElement()
                .satisfies(r -> assertThat(r).containsEntry("lastError", "slack: connection refused"));
        assertThat(http.getForObject("/api/databases/leakydb/notifications", String.class)).doesNotContain(marker);
        List<String> records = publishedRecords("database:leakydb", "dr.notification.failed.v1");
        assertThat(records).as("the retried and failed events are on Kafka")
                .anyMatch(r -> r.startsWith("dr.notification.retried.v1"))
                .anyMatch(r -> r.startsWith("dr.notification.failed.v1"))
                .noneMatch(r -> r.contains(marker));
    }

    /**
     * A second instance on the same database (a fresh process, as after a restart) has the plan as
     * changed through the first, and its dispatcher does not take the first's send in flight for one
     * cut short: one message, sent once, recorded SENT.
     */
    @Test
    void twoInstancesShareThePlanAndSendAMessageOnce() {
        var changed = putJson("/api/plan/audiences/{name}", "{\"name\": \"Slow DBAs\", \"contacts\": ["
                + "{\"name\": \"chat\", \"channel\": \"slack\", \"target\": \"" + TestChannels.HTTP.baseUrl()
                + "/slack/slow\"}]}", "Slow DBAs");
        assertThat(changed.getStatusCode().value()).isEqualTo(200);
        String revision = changed.getHeaders().getETag();
        try (var second = new org.springframework.boot.builder.SpringApplicationBuilder(
                NotificationServiceApplication.class).properties("server.port=0",
                "DR_COMMUNICATION_PLAN=classpath:communication-plan-it.yml", "dr.notification.poll-interval=PT0.2S",
                "dr.notification.timeout=PT15S", "dr.notification.allowed-hosts=localhost,127.0.0.1",
                "it.http=" + TestChannels.HTTP.baseUrl(), "spring.mail.host=127.0.0.1",
                "spring.mail.port=" + TestChannels.SMTP.getSmtp().getPort()).run()) {
            int port = second.getEnvironment().getProperty("local.server.port", Integer.class);
            HttpHeaders viewer = new HttpHeaders();
            viewer.set(HttpHeaders.AUTHORIZATION, TestTokens.bearer(Roles.VIEWER, "victor"));
            var plan = new TestRestTemplate().exchange("http://127.0.0.1:" + port + "/api/plan", HttpMethod.GET,
                    new HttpEntity<>(viewer), String.class);
            assertThat(plan.getHeaders().getETag()).as("the revision stored by the first instance").isEqualTo(revision);
            assertThat(plan.getBody()).contains("\"name\":\"Slow DBAs\"");

            String id = UUID.randomUUID().toString();
            String notificationId = NotificationId.of("it-" + id, "Slow DBAs", "chat");
            commands.sendAndWait(new ScheduleNotificationCommand(notificationId, "database:slowdb", "it-" + id,
                    new Envelope("database:slowdb", "Slow DBAs", "chat", "slack", "Slow", "slow " + id),
                    "rpo-at-risk", "owners", null, Instant.now()));
            await().atMost(Duration.ofSeconds(20)).until(() -> owners("slowdb").stream()
                    .anyMatch(r -> r.get("notificationId").equals(notificationId)
                            && List.of("SENT", "FAILED").contains(r.get("status"))));
            assertThat(owners("slowdb")).filteredOn(r -> r.get("notificationId").equals(notificationId))
                    .singleElement().satisfies(r -> assertThat(r).containsEntry("status", "SENT")
                            .containsEntry("attempts", 1));
            assertThat(TestChannels.HTTP.findAll(postRequestedFor(urlEqualTo("/slack/slow")).withRequestBody(
                    matchingJsonPath("$.text", com.github.tomakehurst.wiremock.client.WireMock.containing(id)))))
                    .hasSize(1);
            assertThat(TestChannels.HTTP.findAll(postRequestedFor(urlEqualTo("/slack/slow-old")))).isEmpty();
        }
    }

    private org.springframework.http.ResponseEntity<String> putJson(String path, String body, Object... vars) {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.AUTHORIZATION, TestTokens.bearer(Roles.DR_LEAD, "plan-admin"));
        headers.setContentType(org.springframework.http.MediaType.APPLICATION_JSON);
        return http.exchange(path, HttpMethod.PUT, new HttpEntity<>(body, headers), String.class, vars);
    }

    @Test
    void aReviewThePlanOwesRemindsThePlansOwnersOnce() throws Exception {
        String review = "post-incident-" + UUID.randomUUID();
        try (TestEvents events = new TestEvents(bootstrap)) {
            ReviewDueEvent due = new ReviewDueEvent(review, ReviewKind.POST_INCIDENT, "Post-incident review",
                    review.substring("post-incident-".length()), Instant.now().plus(Duration.ofDays(7)),
                    "incident-service", Instant.now());
            String eventId = events.publish(Topics.PLAN_EVENTS, review, due);
            events.publish(Topics.PLAN_EVENTS, review, eventId, due); // redelivered
            events.awaitConsumed("notification-service", Topics.PLAN_EVENTS, Duration.ofSeconds(60));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> mailsAbout(review).size() == 1);
        assertThat(mailsAbout(review)).singleElement().satisfies(m -> {
            assertThat(m.getSubject()).isEqualTo("[DR] Plan review due: Post-incident review");
            assertThat(m.getAllRecipients()[0].toString()).isEqualTo("plan-owners@example.com");
        });
        assertThat(http.exchange("/api/plan/reviews/notifications", HttpMethod.GET, null,
                        new ParameterizedTypeReference<List<Map<String, Object>>>() { }).getBody())
                .anySatisfy(r -> assertThat(r).containsEntry("audience", "Plan Owners").containsEntry("kind",
                        "review-due"));
    }

    private List<Map<String, Object>> owners(String database) {
        return http.exchange("/api/databases/" + database + "/notifications", HttpMethod.GET, null,
                new ParameterizedTypeReference<List<Map<String, Object>>>() { }).getBody();
    }

    private static List<MimeMessage> mailsAbout(String text) throws Exception {
        List<MimeMessage> mails = new ArrayList<>();
        for (MimeMessage m : TestChannels.SMTP.getReceivedMessages()) {
            if (m.getContent().toString().contains(text)) {
                mails.add(m);
            }
        }
        return mails;
    }

    /** The DevOps chat answers 503 to the first message about this incident, then accepts. */
    private static void flakyOnceFor(String id) {
        var aboutIt = matchingJsonPath("$.text", com.github.tomakehurst.wiremock.client.WireMock.containing(id));
        TestChannels.HTTP.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post("/slack/flaky")
                .atPriority(1).withRequestBody(aboutIt).inScenario(id)
                .whenScenarioStateIs(com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED)
                .willReturn(com.github.tomakehurst.wiremock.client.WireMock.aResponse().withStatus(503)
                        .withBody("busy"))
                .willSetStateTo("up"));
    }

    /** Exactly one message per channel for this incident's declaration, whatever was redelivered. */
    private void assertDeliveredOnce(String id) throws Exception {
        var server = TestChannels.HTTP;
        assertThat(server.findAll(postRequestedFor(urlEqualTo("/slack/T0/B0/x"))
                .withRequestBody(matchingJsonPath("$.text", com.github.tomakehurst.wiremock.client.WireMock
                        .containing(id))))).hasSize(1);
        assertThat(server.findAll(postRequestedFor(urlEqualTo("/v2/enqueue"))
                .withRequestBody(matchingJsonPath("$.dedup_key", equalTo(id)))
                .withRequestBody(matchingJsonPath("$.routing_key", equalTo("R0UT1NGKEY")))
                .withRequestBody(matchingJsonPath("$.event_action", equalTo("trigger"))))).hasSize(1);
        assertThat(server.findAll(postRequestedFor(urlEqualTo("/v2/alerts"))
                .withHeader("Authorization", equalTo("GenieKey G3N13K3Y"))
                .withRequestBody(matchingJsonPath("$.alias", equalTo(id))))).hasSize(1);
        List<LoggedRequest> hooks = server.findAll(postRequestedFor(urlEqualTo("/hook"))
                .withRequestBody(matchingJsonPath("$.incidentId", equalTo(id))));
        assertThat(hooks).singleElement().satisfies(hook -> {
            var receiver = new org.drcc.notification.channel.ReceiverVerifier("s3cr3t");
            String t = hook.getHeader("X-DR-Timestamp");
            String delivery = hook.getHeader("X-DR-Delivery");
            String signature = hook.getHeader("X-DR-Signature");
            assertThat(receiver.check(t, delivery, signature, hook.getBody(), Instant.now())).isNull();
            assertThat(receiver.check(t, delivery, signature, hook.getBody(), Instant.now())).as("replayed")
                    .isEqualTo("already received");
            assertThat(new org.drcc.notification.channel.ReceiverVerifier("s3cr3t").check(t, delivery, signature,
                    hook.getBody(), Instant.now().plus(Duration.ofMinutes(6)))).as("replayed later").isEqualTo("too old");
        });
        assertThat(server.findAll(postRequestedFor(urlEqualTo("/slack/flaky"))
                .withRequestBody(matchingJsonPath("$.text", com.github.tomakehurst.wiremock.client.WireMock
                        .containing(id))))).as("the refused try and the accepted retry").hasSize(2);
        assertThat(server.findAll(postRequestedFor(urlEqualTo("/teams"))
                .withRequestBody(matchingJsonPath("$.text", com.github.tomakehurst.wiremock.client.WireMock
                        .containing(id))))).as("three attempts, then given up").hasSize(3);
        List<MimeMessage> mails = new ArrayList<>();
        for (MimeMessage m : TestChannels.SMTP.getReceivedMessages()) {
            if (m.getContent().toString().contains(id)) {
                mails.add(m);
            }
        }
        assertThat(mails).singleElement().satisfies(m -> {
            assertThat(m.getSubject()).isEqualTo("[DR HIGH] Incident declared: Orders table corrupted");
            assertThat(m.getAllRecipients()[0].toString()).isEqualTo("lead@example.com");
        });
    }

    private void awaitSettled(String id, int atLeast) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> {
            List<Map<String, Object>> rows = notifications(id);
            return rows.size() >= atLeast && rows.stream()
                    .allMatch(r -> List.of("SENT", "NOT_DELIVERED", "FAILED").contains(r.get("status")));
        });
    }

    private List<Map<String, Object>> notifications(String incidentId) {
        return http.exchange("/api/incidents/" + incidentId + "/notifications", HttpMethod.GET, null,
                new ParameterizedTypeReference<List<Map<String, Object>>>() { }).getBody();
    }

    private List<String> publishedTypes(String incidentId, String last) {
        List<String> types = new ArrayList<>();
        try (var consumer = consumer()) {
            consumer.subscribe(List.of(Topics.NOTIFICATION_EVENTS));
            Instant deadline = Instant.now().plusSeconds(20);
            while (Instant.now().isBefore(deadline) && !types.contains(last)) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                    if (incidentId.equals(r.key())) {
                        types.add(new String(r.headers().lastHeader("ce_type").value(), StandardCharsets.UTF_8));
                    }
                }
            }
        }
        return types;
    }

    /** Each record of {@code key} as its type and value, until one of type {@code last} is read. */
    private List<String> publishedRecords(String key, String last) {
        List<String> records = new ArrayList<>();
        try (var consumer = consumer()) {
            consumer.subscribe(List.of(Topics.NOTIFICATION_EVENTS));
            Instant deadline = Instant.now().plusSeconds(20);
            while (Instant.now().isBefore(deadline) && records.stream().noneMatch(r -> r.startsWith(last))) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                    if (key.equals(r.key())) {
                        records.add(new String(r.headers().lastHeader("ce_type").value(), StandardCharsets.UTF_8)
                                + " " + r.value());
                    }
                }
            }
        }
        return records;
    }

    private List<String> deadLetterKeys() {
        List<String> keys = new ArrayList<>();
        try (var consumer = consumer()) {
            consumer.subscribe(List.of(Topics.INCIDENT_EVENTS + Topics.DEAD_LETTER_SUFFIX));
            Instant deadline = Instant.now().plusSeconds(20);
            while (Instant.now().isBefore(deadline) && keys.isEmpty()) {
                consumer.poll(Duration.ofMillis(500)).forEach((ConsumerRecord<String, String> r) -> keys.add(r.key()));
            }
        }
        return keys;
    }

    private KafkaConsumer<String, String> consumer() {
        Properties p = new Properties();
        p.put("bootstrap.servers", bootstrap);
        p.put("group.id", "it-" + UUID.randomUUID());
        p.put("auto.offset.reset", "earliest");
        return new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer());
    }
}
