package org.drcc.notification.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import org.drcc.notification.command.Envelope;
import org.drcc.notification.egress.FixedDns;
import org.drcc.notification.plan.Channel;
import org.drcc.notification.plan.CommunicationPlan;
import org.drcc.notification.plan.Contact;
import org.drcc.notification.plan.PlanInForce;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.web.client.RestClient;

/**
 * The courier against a receiver on 127.0.0.1 (no other address is ever called): what the guard lets through
 * arrives signed against replays; what it refuses, and any redirect, never opens a connection there.
 */
class ChannelCourierTest {

    private static final Instant NOW = Instant.parse("2026-11-30T10:00:00Z");
    private static final Envelope HOOK = new Envelope("i-1", "Ops", "hook", "webhook", "Subject", "Body");

    private HttpServer receiver;
    private final List<String> received = new CopyOnWriteArrayList<>();
    private final List<String> queries = new CopyOnWriteArrayList<>();
    private final Map<String, Map<String, String>> headers = new ConcurrentHashMap<>();
    private final Map<String, byte[]> bodies = new ConcurrentHashMap<>();
    private final FixedDns dns = new FixedDns();

    @BeforeEach
    void receive() throws Exception {
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            received.add(path);
            queries.add(String.valueOf(exchange.getRequestURI().getRawQuery()));
            bodies.put(path, exchange.getRequestBody().readAllBytes());
            headers.put(path, Map.of("t", String.valueOf(exchange.getRequestHeaders().getFirst("X-DR-Timestamp")),
                    "id", String.valueOf(exchange.getRequestHeaders().getFirst("X-DR-Delivery")),
                    "sig", String.valueOf(exchange.getRequestHeaders().getFirst("X-DR-Signature"))));
            if (path.equals("/redirect")) {
                exchange.getResponseHeaders().add("Location", "http://127.0.0.1:" + port() + "/followed");
                exchange.sendResponseHeaders(302, -1);
            } else {
                exchange.sendResponseHeaders(204, -1);
            }
            exchange.close();
        });
        receiver.start();
    }

    @AfterEach
    void stop() {
        receiver.stop(0);
    }

    @Test
    void aWebhookIsSignedWithTimestampAndDeliveryIdAndAReceiverRefusesItsReplay() throws Exception {
        courier(url("127.0.0.1", "/hook"), "127.0.0.1").deliver("n-1", HOOK);
        assertThat(received).containsExactly("/hook");
        Map<String, String> h = headers.get("/hook");
        assertThat(h).containsEntry("id", "n-1").containsEntry("t", Long.toString(NOW.getEpochSecond()));
        byte[] body = bodies.get("/hook");

        ReceiverVerifier verifier = new ReceiverVerifier("s3cr3t");
        assertThat(verifier.check(h.get("t"), h.get("id"), h.get("sig"), body, NOW.plusSeconds(2))).isNull();
        assertThat(verifier.check(h.get("t"), h.get("id"), h.get("sig"), body, NOW.plusSeconds(3)))
                .as("the same delivery again").isEqualTo("already received");
        assertThat(new ReceiverVerifier("s3cr3t").check(h.get("t"), h.get("id"), h.get("sig"), body,
                NOW.plus(Duration.ofMinutes(6)))).as("replayed later to a receiver that forgot the id")
                .isEqualTo("too old");
        assertThat(new ReceiverVerifier("s3cr3t").check(Long.toString(NOW.getEpochSecond() + 600), h.get("id"),
                h.get("sig"), body, NOW.plus(Duration.ofMinutes(10)))).as("a fresh timestamp on an old signature")
                .isEqualTo("bad signature");
        assertThat(new ReceiverVerifier("s3cr3t").check(h.get("t"), "n-2", h.get("sig"), body, NOW))
                .as("another delivery id on the same signature").isEqualTo("bad signature");
    }

    @Test
    void aLoopbackHostNotAllowedIsRefusedBeforeAnyConnection() {
        Throwable failure = catchThrowable(() -> courier(url("127.0.0.1", "/hook")).deliver("n-1", HOOK));
        assertThat(FailureCause.of("webhook", failure)).isEqualTo(
                "webhook: address not allowed (see dr.notification.allowed-hosts)");
        assertThat(received).isEmpty();
    }

    @Test
    void aNameThatResolvesIntoThisMachineAtSendTimeIsRefused() {
        dns.point("hooks.rebind.example", "127.0.0.1");
        Throwable failure = catchThrowable(() -> courier(url("hooks.rebind.example", "/hook")).deliver("n-1", HOOK));
        assertThat(FailureCause.of("webhook", failure)).contains("address not allowed");
        assertThat(received).isEmpty();
    }

    @Test
    void aRedirectIsNotFollowedAndTheDeliveryFails() {
        Throwable failure = catchThrowable(() -> courier(url("127.0.0.1", "/redirect"), "127.0.0.1")
                .deliver("n-1", HOOK));
        assertThat(FailureCause.of("webhook", failure)).isEqualTo("webhook: answered a redirect (HTTP 302), not followed");
        assertThat(received).containsExactly("/redirect");
    }

    @Test
    void aUrlIsCalledAsWrittenItsEscapesNotEncodedAgain() {
        // a Teams workflow's webhook (Azure Logic Apps) signs its URL with percent-encoded parameters
        String query = "api-version=2016-06-01&sp=%2Ftriggers%2Fmanual%2Frun&sig=a%2Bb%3D";
        courier(url("127.0.0.1", "/workflows/a1/triggers/manual/paths/invoke") + "?" + query, "127.0.0.1")
                .deliver("n-1", HOOK);
        assertThat(received).containsExactly("/workflows/a1/triggers/manual/paths/invoke");
        assertThat(queries).containsExactly(query);
    }

    @Test
    void noMeterIsTaggedWithTheUrlWhosePathIsAWebhooksKey() {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        ObservationRegistry observations = ObservationRegistry.create();
        observations.observationConfig().observationHandler(new DefaultMeterObservationHandler(meters));
        Contact slack = new Contact("hook", Channel.SLACK, url("127.0.0.1", "/services/T0/B0/K3Y"), null);
        courier(slack, RestClient.builder().observationRegistry(observations), "127.0.0.1")
                .deliver("n-1", new Envelope("i-1", "Ops", "hook", "slack", "Subject", "Body"));
        assertThat(received).containsExactly("/services/T0/B0/K3Y");
        assertThat(meters.getMeters()).as("the call is still measured").isNotEmpty()
                .allSatisfy(m -> assertThat(m.getId().getTags()).extracting(Tag::getValue)
                        .noneMatch(v -> v.contains("K3Y")));
    }

    private String url(String host, String path) {
        return "http://" + host + ":" + port() + path;
    }

    private int port() {
        return receiver.getAddress().getPort();
    }

    private ChannelCourier courier(String target, String... allowed) {
        return courier(new Contact("hook", Channel.WEBHOOK, target, "s3cr3t"), RestClient.builder(), allowed);
    }

    private ChannelCourier courier(Contact hook, RestClient.Builder http, String... allowed) {
        CommunicationPlan plan = new CommunicationPlan(List.of(new CommunicationPlan.Tier("immediate",
                Duration.ofMinutes(15), List.of(new CommunicationPlan.Audience("Ops", Set.of(), Set.of(), List.of(hook),
                Set.of(), null)))), null, List.of(), List.of());
        PlanInForce inForce = mock(PlanInForce.class);
        when(inForce.get()).thenReturn(plan);
        DeliverySettings settings = new DeliverySettings(null, null, "dr@localhost", Duration.ofSeconds(5), 1,
                Duration.ofSeconds(1), 2.0, "classpath:/templates/notification/", 8);
        return new ChannelCourier(inForce, http, mock(JavaMailSender.class), new ObjectMapper(),
                settings, dns.guard(allowed), Clock.fixed(NOW, ZoneOffset.UTC), null);
    }
}
