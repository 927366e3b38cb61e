package org.drcc.notification.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;
import org.drcc.contract.notification.NotificationAcknowledgedEvent;
import org.drcc.contract.notification.NotificationDeadlineBreachedEvent;
import org.drcc.contract.notification.NotificationDeadlineMetEvent;
import org.drcc.contract.notification.NotificationEscalatedEvent;
import org.drcc.contract.notification.NotificationEvent;
import org.drcc.contract.notification.NotificationFailedEvent;
import org.drcc.contract.notification.NotificationRetryScheduledEvent;
import org.drcc.contract.notification.NotificationScheduledEvent;
import org.drcc.contract.notification.NotificationSentEvent;
import org.drcc.contract.notification.StatusSubscribedEvent;
import org.drcc.contract.notification.StatusSubscriptionConfirmedEvent;
import org.drcc.contract.notification.StatusSubscriptionExpiredEvent;
import org.drcc.contract.notification.StatusUnsubscribedEvent;
import org.drcc.contract.notification.StatusUpdatePublishedEvent;
import org.drcc.kit.kafka.ContractTypes;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The JSON of each event on dr.notification.events is a published contract: a change in shape
 * fails here, and then deserves a new version (.v2), not an edit of this snapshot.
 */
class NotificationEventShapeTest {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS);
    private static final Instant T = Instant.parse("2026-11-25T10:00:00Z");
    private static final String IDS = "\"notificationId\":\"n\",\"incidentId\":\"i\"";

    static Stream<Arguments> events() {
        return Stream.of(
                Arguments.of(new NotificationScheduledEvent("n", "i", "e", "incident-declaration", "immediate",
                        "DR Team Lead", "slack", "slack", "S", "B", T, T), "dr.notification.scheduled.v1",
                        "{" + IDS + ",\"sourceEventId\":\"e\",\"kind\":\"incident-declaration\",\"tier\":\"immediate\","
                                + "\"audience\":\"DR Team Lead\",\"contact\":\"slack\",\"channel\":\"slack\","
                                + "\"subject\":\"S\",\"body\":\"B\",\"dueAt\":\"2026-11-25T10:00:00Z\","
                                + "\"occurredAt\":\"2026-11-25T10:00:00Z\"}"),
                Arguments.of(new NotificationSentEvent("n", "i", "slack", 1, T), "dr.notification.sent.v1",
                        "{" + IDS + ",\"channel\":\"slack\",\"attempt\":1,\"occurredAt\":\"2026-11-25T10:00:00Z\"}"),
                Arguments.of(new NotificationRetryScheduledEvent("n", "i", "slack", 1, "c", T, T),
                        "dr.notification.retried.v1", "{" + IDS + ",\"channel\":\"slack\",\"attempt\":1,\"cause\":\"c\","
                                + "\"nextAttemptAt\":\"2026-11-25T10:00:00Z\",\"occurredAt\":\"2026-11-25T10:00:00Z\"}"),
                Arguments.of(new NotificationFailedEvent("n", "i", "slack", 3, "c", T), "dr.notification.failed.v1",
                        "{" + IDS + ",\"channel\":\"slack\",\"attempts\":3,\"cause\":\"c\","
                                + "\"occurredAt\":\"2026-11-25T10:00:00Z\"}"),
                Arguments.of(new NotificationAcknowledgedEvent("n", "i", "bob", T), "dr.notification.acknowledged.v1",
                        "{" + IDS + ",\"actor\":\"bob\",\"occurredAt\":\"2026-11-25T10:00:00Z\"}"),
                Arguments.of(new NotificationDeadlineMetEvent("n", "i", "immediate", T, T),
                        "dr.notification.deadline-met.v1", "{" + IDS + ",\"tier\":\"immediate\","
                                + "\"dueAt\":\"2026-11-25T10:00:00Z\",\"occurredAt\":\"2026-11-25T10:00:00Z\"}"),
                Arguments.of(new NotificationDeadlineBreachedEvent("n", "i", "immediate", T, T),
                        "dr.notification.deadline-breached.v1", "{" + IDS + ",\"tier\":\"immediate\","
                                + "\"dueAt\":\"2026-11-25T10:00:00Z\",\"occurredAt\":\"2026-11-25T10:00:00Z\"}"),
                Arguments.of(new NotificationEscalatedEvent("n", "i", "e", "immediate", Duration.ofMinutes(15), T),
                        "dr.notification.escalated.v1", "{" + IDS + ",\"sourceEventId\":\"e\",\"tier\":\"immediate\","
                                + "\"after\":\"PT15M\",\"occurredAt\":\"2026-11-25T10:00:00Z\"}"),
                Arguments.of(new StatusUpdatePublishedEvent("n", "i", "We are restoring orders", "Ordering down",
                        "dana", T), "dr.notification.status-update-published.v1", "{" + IDS
                        + ",\"text\":\"We are restoring orders\",\"publicTitle\":\"Ordering down\","
                        + "\"publishedBy\":\"dana\",\"occurredAt\":\"2026-11-25T10:00:00Z\"}"),
                Arguments.of(new StatusSubscribedEvent("n", "i", "email", "ann@example.com", T, T),
                        "dr.notification.status-subscribed.v1", "{" + IDS + ",\"channel\":\"email\","
                                + "\"email\":\"ann@example.com\",\"confirmBy\":\"2026-11-25T10:00:00Z\","
                                + "\"occurredAt\":\"2026-11-25T10:00:00Z\"}"),
                Arguments.of(new StatusSubscriptionConfirmedEvent("n", "i", "webhook", T),
                        "dr.notification.status-subscription-confirmed.v1", "{" + IDS + ",\"channel\":\"webhook\","
                                + "\"occurredAt\":\"2026-11-25T10:00:00Z\"}"),
                Arguments.of(new StatusUnsubscribedEvent("n", "i", "email", T),
                        "dr.notification.status-unsubscribed.v1", "{" + IDS + ",\"channel\":\"email\","
                                + "\"occurredAt\":\"2026-11-25T10:00:00Z\"}"),
                Arguments.of(new StatusSubscriptionExpiredEvent("n", "i", "email", T),
                        "dr.notification.status-subscription-expired.v1", "{" + IDS + ",\"channel\":\"email\","
                                + "\"occurredAt\":\"2026-11-25T10:00:00Z\"}"));
    }

    @ParameterizedTest
    @MethodSource("events")
    void keepsItsTypeAndShape(NotificationEvent event, String type, String json) throws Exception {
        assertThat(ContractTypes.typeOf(event.getClass())).isEqualTo(type);
        assertThat(JSON.writeValueAsString(event)).isEqualTo(json);
        assertThat((Object) ContractTypes.of(NotificationEvent.class).classOf(type).orElseThrow()).isEqualTo(event.getClass());
        assertThat(JSON.readValue(json, event.getClass())).isEqualTo(event);
    }
}
