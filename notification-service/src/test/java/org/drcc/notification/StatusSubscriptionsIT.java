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
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

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

    /*
     * The links, on the public URL of the instance that sent the message: in a test JVM that also holds
     * NotificationServiceIT's context, either instance's dispatcher may send it (they share the database).
     */
    private static final Pattern CONFIRM = Pattern.compile("https?://[^/\\s]+(/status/subscriptions/confirm\\?token=[A-Za-z0-9_-]+)");
    private static final Pattern UNSUBSCRIBE = Pattern.compile("https?://[^/\\s]+(/status/subscriptions/unsubscribe\\?token=[A-Za-z0-9_-]+)");
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @LocalServerPort
    int port;
    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PersonalDataCipher cipher;
    @Autowired
    org.drcc.kit.privacy.Keyring keyring;

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
        HttpResponse<String> asked = subscribe("{\"email\": \"" + ann + "\"}");
        assertThat(asked.statusCode()).as(asked.body()).isEqualTo(202);
        assertThat(asked.body()).contains("\"status\":\"pending\"").doesNotContain(ann);
        // the page's own form, for the second subscriber
        HttpResponse<String> formAnswer = form(bob);
        assertThat(formAnswer.statusCode()).as(formAnswer.body()).isEqualTo(202);
        assertThat(formAnswer.body()).contains("Check your inbox");

        MimeMessage confirmation = awaitMail(ann, "Confirm your subscription");
        String annConfirm = link(CONFIRM, confirmation);
        String incident = declare();
        String before = "Orders placed before 10:00 are delayed " + UUID.randomUUID();
        publish(incident, before);
        assertThat(follow(annConfirm)).as("following the link (as a mail filter would) only shows the button")
                .contains("Confirm your subscription?", "id=\"confirm\"").doesNotContain("Subscription confirmed");
        assertThat(confirm(annConfirm)).contains("Subscription confirmed");
        assertThat(confirm(annConfirm)).as("confirming twice").contains("Already confirmed");
        assertThat(confirm(link(CONFIRM, awaitMail(bob, "Confirm your subscription")))).contains("Subscription confirmed");

        String first = "Ordering is slow; we are on it " + UUID.randomUUID();
        publish(incident, first);
        MimeMessage update = awaitMail(ann, first);
        assertThat(update.getSubject()).contains("Food Truck Management System status", "update");
        assertThat(update.getHeader("List-Unsubscribe")[0]).matches("<https?://[^/]+/status/subscriptions/unsubscribe\\?token=[A-Za-z0-9_-]{43}>")
                .contains(link(UNSUBSCRIBE, update));
        assertThat(update.getHeader("List-Unsubscribe-Post")[0]).isEqualTo("List-Unsubscribe=One-Click");
        assertThat(mailsTo(ann)).as("unconfirmed, it was not told of the update before its confirmation")
                .noneMatch(m -> body(m).contains(before));
        String unsubscribe = link(UNSUBSCRIBE, update);
        assertThat(follow(unsubscribe)).as("following the link (as a mail filter would) only shows the button")
                .contains("Unsubscribe?", "id=\"unsubscribe\"").doesNotContain("Unsubscribed");
        String token = unsubscribe.substring(unsubscribe.indexOf("token=") + "token=".length());
        assertThat(send("POST", "/status/subscriptions/unsubscribe", "application/x-www-form-urlencoded",
                "token=" + token).body()).as("the page's button").contains("Unsubscribed");
        assertThat(send("POST", unsubscribe, "application/x-www-form-urlencoded", "List-Unsubscribe=One-Click")
                .body()).as("the mail client's one-click POST, idempotent, and says so").contains("Already unsubscribed");

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
        assertThat(jdbc.sql("""
                        SELECT count(*) FROM status_subscription WHERE status = 'UNSUBSCRIBED' AND target IS NULL
                        AND target_hash IS NULL AND key_destroyed_at IS NOT NULL""")
                .query(Long.class).single()).as("ended: no address, no name of it, the key destroyed").isPositive();
    }

    @Test
    @Order(2)
    void aWebhookIsConfirmedByItsAnswerGetsUpdatesWithItsTokenAndNothingAfterUnsubscribing() throws Exception {
        String a = "/subscriber/a-" + UUID.randomUUID();
        String b = "/subscriber/b-" + UUID.randomUUID();
        TestChannels.HTTP.stubFor(post(urlEqualTo(a)).willReturn(aResponse().withStatus(204)));
        TestChannels.HTTP.stubFor(post(urlEqualTo(b)).willReturn(aResponse().withStatus(200)));
        HttpResponse<String> subscribed = subscribe("{\"webhookUrl\": \"" + TestChannels.HTTP.baseUrl() + a + "\"}");
        assertThat(subscribed.statusCode()).as(subscribed.body()).isEqualTo(201);
        JsonNode answer = JSON.readTree(subscribed.body());
        String token = answer.path("unsubscribeToken").asText();
        assertThat(token).hasSizeGreaterThanOrEqualTo(43);
        assertThat(subscribed.body()).as("the URL is a secret: never answered").doesNotContain(a);
        assertThat(TestChannels.HTTP.findAll(postRequestedFor(urlEqualTo(a))
                .withRequestBody(matchingJsonPath("$.type", com.github.tomakehurst.wiremock.client.WireMock.equalTo(
                        "subscription-confirmation"))))).hasSize(1);
        assertThat(subscribe("{\"webhookUrl\": \"" + TestChannels.HTTP.baseUrl() + b + "\"}").statusCode())
                .isEqualTo(201);

        String incident = declare();
        String first = "Payments are failing for some trucks " + UUID.randomUUID();
        publish(incident, first);
        LoggedRequest update = awaitHook(a, first);
        JsonNode payload = JSON.readTree(update.getBodyAsString());
        assertThat(payload.path("type").asText()).isEqualTo("status-update");
        assertThat(payload.path("unsubscribeToken").asText()).isEqualTo(token);
        assertThat(update.getHeader("X-DR-Delivery")).isNotBlank();

        HttpResponse<String> gone = unsubscribe(token);
        assertThat(gone.statusCode()).isEqualTo(200);
        assertThat(gone.body()).contains("\"changed\":true");
        assertThat(unsubscribe(token).body()).as("idempotent, and says so").contains("\"changed\":false",
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
        HttpResponse<String> refused = subscribe("{\"webhookUrl\": \"" + TestChannels.HTTP.baseUrl() + refuses + "\"}");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("webhook: answered HTTP 404").doesNotContain(refuses);
    }

    @Test
    @Order(3)
    void badInputIsA400ProblemNamingTheField() throws Exception {
        for (String body : List.of("{\"email\": \"not an address\"}", "{\"webhookUrl\": \"ftp://files.example.com/hook\"}",
                "{}", "{\"email\": \"a@example.com\", \"webhookUrl\": \"https://hooks.example.com/x\"}")) {
            HttpResponse<String> answer = subscribe(body);
            assertThat(answer.statusCode()).as(body + " " + answer.body()).isEqualTo(400);
            assertThat(answer.headers().firstValue("Content-Type").orElse("")).as(body).startsWith("application/problem+json");
            assertThat(JSON.readTree(answer.body()).path("errors").get(0).path("field").asText()).as(body)
                    .isIn("email", "webhookUrl");
        }
        assertThat(unsubscribe("no-such-token").statusCode()).isEqualTo(404);
    }

    @Test
    @Order(4)
    void oneAddressIsLimitedPerTargetAndOneClientPerAddressWithRetryAfter() throws Exception {
        String target = "{\"email\": \"carol-" + UUID.randomUUID() + "@example.com\"}";
        assertThat(subscribe(target).statusCode()).isEqualTo(202);
        assertThat(subscribe(target).statusCode()).isEqualTo(202);
        HttpResponse<String> third = subscribe(target);
        assertThat(third.statusCode()).isEqualTo(429);
        assertThat(third.headers().firstValue("Retry-After")).hasValue("3600");
        assertThat(third.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(third.body()).contains("subscribing one address or URL is limited to 2 per PT1H");

        HttpResponse<String> limited = null;
        for (int i = 0; i < 25 && limited == null; i++) {
            HttpResponse<String> answer = form("dan-" + UUID.randomUUID() + "@example.com");
            if (answer.statusCode() == 429) {
                limited = answer;
            }
        }
        assertThat(limited).as("refused within the client address's 20 per 10 minutes").isNotNull();
        assertThat(limited.headers().firstValue("Retry-After")).hasValue("600");
        assertThat(limited.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(limited.body()).contains("for each client address");
    }

    /** Erasing a person (four eyes) destroys the keys of their subscriptions: the address reads [forgotten]. */
    @Test
    @Order(5)
    void erasingTheSubscriberDestroysTheirAddressAndTheyAreToldNothingMore() throws Exception {
        String erin = "erin-" + UUID.randomUUID() + "@example.com";
        String frank = "frank-" + UUID.randomUUID() + "@example.com";
        for (String who : List.of(erin, frank)) {
            assertThat(subscribe("{\"email\": \"" + who + "\"}").statusCode()).isEqualTo(202);
            assertThat(confirm(link(CONFIRM, awaitMail(who, "Confirm your subscription")))).contains("Subscription confirmed");
        }
        String id = jdbc.sql("SELECT subscription_id FROM status_subscription WHERE target_hash = ?")
                .param(keyring.lookupOf("email:" + erin)).query(String.class).single();
        assertThat(jdbc.sql("SELECT count(*) FROM status_subscription WHERE target_hash = sha256(convert_to(?, 'UTF8'))")
                .param("email:" + erin).query(Long.class).single())
                .as("the address is named by the keyring's HMAC: a guess cannot be tested against the table").isZero();
        // a running subscription without a name (as every one right after V57, which dropped the plain SHA-256
        // names) gets it back from its sealed address
        byte[] frankName = keyring.lookupOf("email:" + frank);
        assertThat(jdbc.sql("UPDATE status_subscription SET target_hash = NULL WHERE target_hash = ?").param(frankName)
                .update()).isOne();
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
                "SELECT count(*) FROM status_subscription WHERE target_hash = ?").param(frankName)
                .query(Long.class).single() == 1);

        HttpHeaders sam = new HttpHeaders();
        sam.set(HttpHeaders.AUTHORIZATION, TestTokens.bearer(Roles.SECURITY, "sam"));
        sam.setContentType(MediaType.APPLICATION_JSON);
        var requested = http.exchange("/api/privacy/erasures", HttpMethod.POST, new HttpEntity<>(
                "{\"identifier\": \"" + erin + "\", \"reason\": \"GDPR-17 ticket 42\"}", sam), String.class);
        assertThat(requested.getStatusCode().value()).as(requested.getBody()).isEqualTo(202);
        String erasure = JSON.readTree(requested.getBody()).path("erasureId").asText();
        HttpHeaders tess = new HttpHeaders();
        tess.set(HttpHeaders.AUTHORIZATION, TestTokens.bearer(Roles.SECURITY, "tess"));
        tess.setContentType(MediaType.APPLICATION_JSON);
        var confirmed = http.exchange("/api/privacy/erasures/" + erasure + "/confirm", HttpMethod.POST,
                new HttpEntity<>("{\"identifier\": \"" + erin + "\"}", tess), String.class);
        assertThat(confirmed.getStatusCode().value()).as(confirmed.getBody()).isEqualTo(200);

        assertThat(jdbc.sql("SELECT status, target, target_hash FROM status_subscription WHERE subscription_id = ?")
                .param(id).query().singleRow()).as("ended by the erasure, with nothing left that leads to Erin")
                .containsEntry("status", "UNSUBSCRIBED").containsEntry("target", null).containsEntry("target_hash", null);
        assertThat(subscriptionRecords("dr.notification.status-unsubscribed.v1", id))
                .as("the erasure left the end of Erin's subscription as an event")
                .anyMatch(r -> r.startsWith("dr.notification.status-unsubscribed.v1") && r.contains(id));
        String incident = declare();
        String text = "Menus are back " + UUID.randomUUID();
        publish(incident, text);
        awaitMail(frank, text);
        assertThat(mailsTo(erin)).as("erased: the update Frank got never reached Erin")
                .noneMatch(m -> body(m).contains(text));
    }

    private HttpResponse<String> subscribe(String body) throws Exception {
        return send("POST", "/api/status/subscriptions", "application/json", body);
    }

    private HttpResponse<String> unsubscribe(String token) throws Exception {
        return send("POST", "/api/status/subscriptions/unsubscribe", "application/json", "{\"token\": \"" + token + "\"}");
    }

    private HttpResponse<String> form(String email) throws Exception {
        return send("POST", "/status/subscribe", "application/x-www-form-urlencoded",
                "email=" + java.net.URLEncoder.encode(email, java.nio.charset.StandardCharsets.UTF_8));
    }

    /** The link's page, then its button: POSTs the link's token as the page's form does. */
    private String confirm(String pathAndQuery) throws Exception {
        assertThat(follow(pathAndQuery)).contains("id=\"confirm\"");
        String token = pathAndQuery.substring(pathAndQuery.indexOf("token=") + "token=".length());
        return send("POST", "/status/subscriptions/confirm", "application/x-www-form-urlencoded", "token=" + token).body();
    }

    private String follow(String pathAndQuery) throws Exception {
        return send("GET", pathAndQuery, null, null).body();
    }

    /**
     * An anonymous call by the JDK's client: unlike the test template's Apache client, it does not repeat a 429 by
     * itself after its Retry-After (an hour here), so the test sees the refusal.
     */
    private HttpResponse<String> send(String method, String path, String type, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30));
        if (body == null) {
            request.GET();
        } else {
            request.header("Content-Type", type).method(method, HttpRequest.BodyPublishers.ofString(body));
        }
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
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
        return subscriptionRecords(last, "");
    }

    /** Every subscription event on the topic, until one of type {@code last} that contains {@code containing}. */
    private List<String> subscriptionRecords(String last, String containing) {
        List<String> records = new ArrayList<>();
        Properties p = new Properties();
        p.put("bootstrap.servers", bootstrap);
        p.put("group.id", "it-" + UUID.randomUUID());
        p.put("auto.offset.reset", "earliest");
        try (var consumer = new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(Topics.NOTIFICATION_EVENTS));
            Instant deadline = Instant.now().plusSeconds(30);
            while (Instant.now().isBefore(deadline) && records.stream().noneMatch(r -> r.startsWith(last) && r.contains(containing))) {
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
