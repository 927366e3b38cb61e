package org.drcc.notification;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.drcc.contract.Topics;
import org.drcc.contract.incident.Severity;
import org.drcc.kit.privacy.PersonalDataCipher;
import org.drcc.kit.security.Roles;
import org.drcc.testsupport.OpenApiWalk;
import org.drcc.testsupport.TestEvents;
import org.drcc.testsupport.TestTokens;
import org.drcc.testsupport.WithEngines;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.LinkedMultiValueMap;

/**
 * Subscribing to the public status page on the real engines, with a real SMTP server and a real HTTP receiver on
 * 127.0.0.1: double opt-in by e-mail, a webhook confirmed by its 2xx, updates with a working unsubscribe link, and
 * nothing more after unsubscribing (seen against a subscriber who still gets the next update); the limits and bad
 * input answered with problem+json; the address sealed in the events and unreadable once unsubscribed.
 */
@WithEngines(database = "notification")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "DR_COMMUNICATION_PLAN=classpath:communication-plan-it.yml",
        "dr.notification.poll-interval=PT0.2S", "dr.notification.max-attempts=3",
        "dr.notification.initial-backoff=PT0.2S", "dr.notification.timeout=PT15S",
        "dr.notification.allowed-hosts=localhost,127.0.0.1",
        // the links in the messages; the test follows their path and query on its own port
        "dr.status-page.subscriptions.public-url=https://status.example.test",
        "dr.status-page.subscriptions.per-client-address=20",
        "dr.status-page.subscriptions.per-target=2"})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StatusSubscriptionsIT {

    private static final Pattern CONFIRM = Pattern.compile("https://status\\.example\\.test(/status/subscriptions/confirm\\?token=[A-Za-z0-9_-]+)");
    private static final Pattern UNSUBSCRIBE = Pattern.compile("https://status\\.example\\.test(/status/subscriptions/unsubscribe\\?token=[A-Za-z0-9_-]+)");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PersonalDataCipher cipher;

    private final String bootstrap = System.getProperty("spring.kafka.bootstrap-servers");

    @DynamicPropertySource
    static void channels(DynamicPropertyRegistry registry) {
        TestChannels.register(registry);
    }

    @Test
    @Order(1)
    void anEmailSubscriberConfirmsGetsAnUpdateUnsubscribesInOneClickAndGetsNoMore() throws Exception {
        String ann = "ann-" + UUID.randomUUID() + "@example.com";
        String bob = "bob-" + UUID.randomUUID() + "@example.com";
        TestRestTemplate anonymous = OpenApiWalk.anonymous(http);
        assertThat(anonymous.getForObject("/status", String.class)).as("the page has the form")
                .contains("action=\"/status/subscribe\"", "name=\"email\"", "name=\"webhookUrl\"");
        ResponseEntity<String> asked = subscribe("{\"email\": \"" + ann + "\"}");
        assertThat(asked.getStatusCode().value()).isEqualTo(202);
        assertThat(asked.getBody()).contains("\"status\":\"pending\"").doesNotContain(ann);
        // the page's own form, for the second subscriber
        LinkedMultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("email", bob);
        HttpHeaders formHeaders = new HttpHeaders();
        formHeaders.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        ResponseEntity<String> formAnswer = anonymous.exchange("/status/subscribe", HttpMethod.POST,
                new HttpEntity<>(form, formHeaders), String.class);
        assertThat(formAnswer.getStatusCode().value()).isEqualTo(202);
        assertThat(formAnswer.getBody()).contains("Check your inbox");

        MimeMessage confirmation = awaitMail(ann, "Confirm your subscription");
        String annConfirm = link(CONFIRM, confirmation);
        String incident = declare();
        String before = "Orders placed before 10:00 are delayed " + UUID.randomUUID();
        publish(incident, before);
        assertThat(anonymous.getForObject(annConfirm, String.class)).contains("Subscription confirmed");
        assertThat(anonymous.getForObject(annConfirm, String.class)).as("confirming twice").contains("Already confirmed");
        anonymous.getForObject(link(CONFIRM, awaitMail(bob, "Confirm your subscription")), String.class);

        String first = "Ordering is slow; we are on it " + UUID.randomUUID();
        publish(incident, first);
        MimeMessage update = awaitMail(ann, first);
        assertThat(update.getSubject()).contains("Food Truck Management System status", "update");
        assertThat(update.getHeader("List-Unsubscribe")[0]).startsWith("<https://status.example.test/status/subscriptions/unsubscribe?token=");
        assertThat(update.getHeader("List-Unsubscribe-Post")[0]).isEqualTo("List-Unsubscribe=One-Click");
        assertThat(mailsTo(ann)).as("unconfirmed, it was not told of the update before its confirmation")
                .noneMatch(m -> body(m).contains(before));
        String unsubscribe = link(UNSUBSCRIBE, update);
        assertThat(anonymous.getForObject(unsubscribe, String.class)).contains("Unsubscribed");
        assertThat(anonymous.getForObject(unsubscribe, String.class)).as("idempotent, and says so")
                .contains("Already unsubscribed");

        String second = "Ordering works again " + UUID.randomUUID();
        publish(incident, second);
        awaitMail(bob, second);
        assertThat(mailsTo(bob)).anyMatch(m -> body(m).contains(first));
        assertThat(mailsTo(ann)).as("unsubscribed: the update Bob got never reached Ann")
                .noneMatch(m -> body(m).contains(second));

        // the events carry the address sealed with the subscription's own key, destroyed by unsubscribing
        List<String> records = subscriptionRecords("dr.notification.status-unsubscribed.v1");
        assertThat(String.join("\n", records)).doesNotContain(ann, "token=");
        List<String> opened = new ArrayList<>();
        for (String r : records) {
            JsonNode email = JSON.readTree(r.substring(r.indexOf(' ') + 1)).path("email");
            if (r.startsWith("dr.notification.status-subscribed.v1") && email.isTextual()) {
                assertThat(email.asText()).startsWith(PersonalDataCipher.PREFIX);
                opened.add(cipher.open(email.asText()));
            }
        }
        assertThat(opened).as("Bob's address reads; Ann's key is destroyed").contains(bob, PersonalDataCipher.FORGOTTEN)
                .doesNotContain(ann);
        assertThat(jdbc.sql("SELECT count(*) FROM status_subscription WHERE status = 'UNSUBSCRIBED' AND target IS NULL")
                .query(Long.class).single()).isPositive();
    }

    @Test
    @Order(2)
    void aWebhookIsConfirmedByItsAnswerGetsUpdatesWithItsTokenAndNothingAfterUnsubscribing() throws Exception {
        String a = "/subscriber/a-" + UUID.randomUUID();
        String b = "/subscriber/b-" + UUID.randomUUID();
        TestChannels.HTTP.stubFor(post(urlEqualTo(a)).willReturn(aResponse().withStatus(204)));
        TestChannels.HTTP.stubFor(post(urlEqualTo(b)).willReturn(aResponse().withStatus(200)));
        ResponseEntity<String> subscribed = subscribe("{\"webhookUrl\": \"" + TestChannels.HTTP.baseUrl() + a + "\"}");
        assertThat(subscribed.getStatusCode().value()).isEqualTo(201);
        JsonNode answer = JSON.readTree(subscribed.getBody());
        String token = answer.path("unsubscribeToken").asText();
        assertThat(token).hasSizeGreaterThanOrEqualTo(43);
        assertThat(subscribed.getBody()).as("the URL is a secret: never answered").doesNotContain(a);
        assertThat(TestChannels.HTTP.findAll(postRequestedFor(urlEqualTo(a))
                .withRequestBody(matchingJsonPath("$.type", com.github.tomakehurst.wiremock.client.WireMock.equalTo(
                        "subscription-confirmation"))))).hasSize(1);
        assertThat(subscribe("{\"webhookUrl\": \"" + TestChannels.HTTP.baseUrl() + b + "\"}").getStatusCode().value())
                .isEqualTo(201);

        String incident = declare();
        String first = "Payments are failing for some trucks " + UUID.randomUUID();
        publish(incident, first);
        LoggedRequest update = awaitHook(a, first);
        JsonNode payload = JSON.readTree(update.getBodyAsString());
        assertThat(payload.path("type").asText()).isEqualTo("status-update");
        assertThat(payload.path("unsubscribeToken").asText()).isEqualTo(token);
        assertThat(update.getHeader("X-DR-Delivery")).isNotBlank();

        ResponseEntity<String> gone = unsubscribe(token);
        assertThat(gone.getStatusCode().value()).isEqualTo(200);
        assertThat(gone.getBody()).contains("\"changed\":true");
        assertThat(unsubscribe(token).getBody()).as("idempotent, and says so").contains("\"changed\":false",
                "already unsubscribed");

        String second = "Payments work again " + UUID.randomUUID();
        publish(incident, second);
        awaitHook(b, second);
        assertThat(hooks(b, first)).as("b got the first update too").hasSize(1);
        assertThat(hooks(a, second)).as("unsubscribed: the update b got never reached a").isEmpty();
        assertThat(hooks(a, first)).as("at most once per subscriber per update").hasSize(1);
        assertThat(String.join("\n", subscriptionRecords("dr.notification.status-unsubscribed.v1")))
                .as("never the URL in an event").doesNotContain("/subscriber/", token);

        String refuses = "/subscriber/refuses-" + UUID.randomUUID();
        TestChannels.HTTP.stubFor(post(urlEqualTo(refuses)).willReturn(aResponse().withStatus(404)));
        ResponseEntity<String> refused = subscribe("{\"webhookUrl\": \"" + TestChannels.HTTP.baseUrl() + refuses + "\"}");
        assertThat(refused.getStatusCode().value()).isEqualTo(400);
        assertThat(refused.getBody()).contains("webhook: answered HTTP 404").doesNotContain(refuses);
    }

    @Test
    @Order(3)
    void badInputIsA400ProblemNamingTheField() throws Exception {
        for (String body : List.of("{\"email\": \"not an address\"}", "{\"webhookUrl\": \"ftp://files.example.com/hook\"}",
                "{}", "{\"email\": \"a@example.com\", \"webhookUrl\": \"https://hooks.example.com/x\"}")) {
            ResponseEntity<String> answer = subscribe(body);
            assertThat(answer.getStatusCode().value()).as(body).isEqualTo(400);
            assertThat(answer.getHeaders().getContentType().toString()).as(body).startsWith("application/problem+json");
            assertThat(JSON.readTree(answer.getBody()).path("errors").get(0).path("field").asText()).as(body)
                    .isIn("email", "webhookUrl");
        }
        assertThat(unsubscribe("no-such-token").getStatusCode().value()).isEqualTo(404);
    }

    @Test
    @Order(4)
    void oneAddressIsLimitedPerTargetAndOneClientPerAddressWithRetryAfter() throws Exception {
        String target = "{\"email\": \"carol-" + UUID.randomUUID() + "@example.com\"}";
        assertThat(subscribe(target).getStatusCode().value()).isEqualTo(202);
        assertThat(subscribe(target).getStatusCode().value()).isEqualTo(202);
        ResponseEntity<String> third = subscribe(target);
        assertThat(third.getStatusCode().value()).isEqualTo(429);
        assertThat(third.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("3600");
        assertThat(third.getBody()).contains("subscribing one address or URL is limited to 2 per PT1H");

        TestRestTemplate anonymous = OpenApiWalk.anonymous(http);
        HttpHeaders formHeaders = new HttpHeaders();
        formHeaders.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        ResponseEntity<String> limited = null;
        for (int i = 0; i < 25 && limited == null; i++) {
            LinkedMultiValueMap<String, String> form = new LinkedMultiValueMap<>();
            form.add("email", "dan-" + UUID.randomUUID() + "@example.com");
            ResponseEntity<String> answer = anonymous.exchange("/status/subscribe", HttpMethod.POST,
                    new HttpEntity<>(form, formHeaders), String.class);
            if (answer.getStatusCode().value() == 429) {
                limited = answer;
            }
        }
        assertThat(limited).as("refused within the client address's 20 per 10 minutes").isNotNull();
        assertThat(limited.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("600");
        assertThat(limited.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        assertThat(limited.getBody()).contains("for each client address");
    }

    private ResponseEntity<String> subscribe(String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return OpenApiWalk.anonymous(http).exchange("/api/status/subscriptions", HttpMethod.POST,
                new HttpEntity<>(body, headers), String.class);
    }

    private ResponseEntity<String> unsubscribe(String token) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return OpenApiWalk.anonymous(http).exchange("/api/status/subscriptions/unsubscribe", HttpMethod.POST,
                new HttpEntity<>("{\"token\": \"" + token + "\"}", headers), String.class);
    }

    /** A real incident on the page (through Kafka, as incident-service tells it). */
    private String declare() throws Exception {
        String id = UUID.randomUUID().toString();
        try (TestEvents events = new TestEvents(bootstrap)) {
            events.publish(Topics.INCIDENT_EVENTS, id, TestEvents.declared(id, Severity.HIGH, false));
            events.awaitConsumed("notification-service", Topics.INCIDENT_EVENTS, Duration.ofSeconds(60));
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> http.getForObject("/status.json", String.class).contains(id));
        return id;
    }

    private void publish(String incident, String text) {
        HttpHeaders lead = new HttpHeaders();
        lead.set(HttpHeaders.AUTHORIZATION, TestTokens.bearer(Roles.DR_LEAD, "lead"));
        lead.setContentType(MediaType.APPLICATION_JSON);
        assertThat(http.exchange("/api/status/incidents/" + incident + "/updates", HttpMethod.POST,
                new HttpEntity<>("{\"text\": \"" + text + "\"}", lead), String.class).getStatusCode().value())
                .isEqualTo(201);
    }

    private static MimeMessage awaitMail(String to, String containing) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> mailsTo(to).stream()
                .filter(m -> subject(m).contains(containing) || body(m).contains(containing)).findFirst()
                .orElse(null), java.util.Objects::nonNull);
    }

    private static List<MimeMessage> mailsTo(String to) throws Exception {
        List<MimeMessage> mails = new ArrayList<>();
        for (MimeMessage m : TestChannels.SMTP.getReceivedMessages()) {
            if (m.getAllRecipients() != null && m.getAllRecipients()[0].toString().equalsIgnoreCase(to)) {
                mails.add(m);
            }
        }
        return mails;
    }

    private static String body(MimeMessage m) {
        try {
            return m.getContent().toString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The path and query of the message's link, to follow on this test's own port. */
    private static String link(Pattern pattern, MimeMessage m) {
        Matcher found = pattern.matcher(body(m));
        assertThat(found.find()).as("the message has the link: " + body(m)).isTrue();
        return found.group(1);
    }

    private static LoggedRequest awaitHook(String path, String containing) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> hooks(path, containing).stream().findFirst()
                .orElse(null), java.util.Objects::nonNull);
    }

    private static List<LoggedRequest> hooks(String path, String containing) {
        return TestChannels.HTTP.findAll(postRequestedFor(urlEqualTo(path))).stream()
                .filter(r -> r.getBodyAsString().contains(containing)).toList();
    }

    /** Every subscription event on the topic (type and value), until one of type {@code last} is read. */
    private List<String> subscriptionRecords(String last) {
        List<String> records = new ArrayList<>();
        Properties p = new Properties();
        p.put("bootstrap.servers", bootstrap);
        p.put("group.id", "it-" + UUID.randomUUID());
        p.put("auto.offset.reset", "earliest");
        try (var consumer = new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(Topics.NOTIFICATION_EVENTS));
            Instant deadline = Instant.now().plusSeconds(30);
            while (Instant.now().isBefore(deadline) && records.stream().noneMatch(r -> r.startsWith(last))) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                    if ("status-page".equals(r.key())) {
                        records.add(new String(r.headers().lastHeader("ce_type").value(),
                                java.nio.charset.StandardCharsets.UTF_8) + " " + r.value());
                    }
                }
            }
        }
        return records;
    }
}
