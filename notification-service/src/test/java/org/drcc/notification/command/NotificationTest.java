package org.drcc.notification.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.drcc.contract.notification.NotificationAcknowledgedEvent;
import org.drcc.contract.notification.NotificationDeadlineBreachedEvent;
import org.drcc.contract.notification.NotificationDeadlineMetEvent;
import org.drcc.contract.notification.NotificationFailedEvent;
import org.drcc.contract.notification.NotificationRetryScheduledEvent;
import org.drcc.contract.notification.NotificationScheduledEvent;
import org.drcc.contract.notification.NotificationSentEvent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class NotificationTest {

    private static final String ID = "n-1";
    private static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");
    private static final Instant DUE = T0.plus(Duration.ofMinutes(15));
    private static final Envelope ENVELOPE = new Envelope("i-1", "DR Team Lead", "slack", "slack", "Declared", "body");

    private final AtomicInteger calls = new AtomicInteger();
    private RuntimeException refusal;
    private AggregateTestFixture<Notification> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Notification.class);
        fixture.registerInjectableResource((Courier) envelope -> {
            calls.incrementAndGet();
            if (refusal != null) {
                throw refusal;
            }
        });
        fixture.registerInjectableResource(new RetryPolicy(3, Duration.ofSeconds(10), 3.0));
    }

    @Test
    void canSchedule() {
        fixture.givenNoPriorActivity()
                .when(schedule())
                .expectEvents(scheduled());
    }

    @Test
    void cannotScheduleTheSameMessageTwice() {
        fixture.given(scheduled())
                .when(schedule())
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void canSendBeforeTheDeadline() {
        Instant at = T0.plusSeconds(5);
        fixture.given(scheduled())
                .when(new DeliverNotificationCommand(ID, at))
                .expectEvents(new NotificationSentEvent(ID, "i-1", "slack", 1, at),
                        new NotificationDeadlineMetEvent(ID, "i-1", "immediate", DUE, at));
        assertThat(calls).hasValue(1);
    }

    @Test
    void canSendLateAndRecordTheBreach() {
        Instant at = DUE.plusSeconds(1);
        fixture.given(scheduled())
                .when(new DeliverNotificationCommand(ID, at))
                .expectEvents(new NotificationSentEvent(ID, "i-1", "slack", 1, at),
                        new NotificationDeadlineBreachedEvent(ID, "i-1", "immediate", DUE, at));
    }

    @Test
    void cannotSendTwice() {
        fixture.given(scheduled(), new NotificationSentEvent(ID, "i-1", "slack", 1, T0))
                .when(new DeliverNotificationCommand(ID, T0.plusSeconds(9)))
                .expectNoEvents();
        assertThat(calls).as("the channel is not called again").hasValue(0);
    }

    @Test
    void canScheduleARetryWithBackoffWhenTheChannelRefuses() {
        refusal = new IllegalStateException("503 Service Unavailable");
        fixture.given(scheduled(), new NotificationRetryScheduledEvent(ID, "i-1", "slack", 1, "x",
                        T0.plusSeconds(10), T0))
                .when(new DeliverNotificationCommand(ID, T0.plusSeconds(10)))
                .expectEvents(new NotificationRetryScheduledEvent(ID, "i-1", "slack", 2, "503 Service Unavailable",
                        T0.plusSeconds(40), T0.plusSeconds(10)));
    }

    @Test
    void cannotRetryBeforeTheBackoffHasPassed() {
        fixture.given(scheduled(), new NotificationRetryScheduledEvent(ID, "i-1", "slack", 1, "x",
                        T0.plusSeconds(10), T0))
                .when(new DeliverNotificationCommand(ID, T0.plusSeconds(9)))
                .expectNoEvents();
        assertThat(calls).hasValue(0);
    }

    @Test
    void canFailWithTheCauseAfterTheLastAttemptAndBreachTheDeadline() {
        refusal = new IllegalStateException("connection refused");
        Instant at = T0.plusSeconds(60);
        fixture.given(scheduled(), new NotificationRetryScheduledEvent(ID, "i-1", "slack", 2, "x", at, T0))
                .when(new DeliverNotificationCommand(ID, at))
                .expectEvents(new NotificationFailedEvent(ID, "i-1", "slack", 3, "connection refused", at),
                        new NotificationDeadlineBreachedEvent(ID, "i-1", "immediate", DUE, at));
    }

    @Test
    void cannotSendAfterFailing() {
        fixture.given(scheduled(), new NotificationFailedEvent(ID, "i-1", "slack", 3, "x", T0))
                .when(new DeliverNotificationCommand(ID, T0.plusSeconds(100)))
                .expectNoEvents();
    }

    @Test
    void canRecordABreachWhileStillWaiting() {
        Instant at = DUE.plusSeconds(1);
        fixture.given(scheduled(), new NotificationRetryScheduledEvent(ID, "i-1", "slack", 1, "x", at, T0))
                .when(new CheckDeadlineCommand(ID, at))
                .expectEvents(new NotificationDeadlineBreachedEvent(ID, "i-1", "immediate", DUE, at));
    }

    @Test
    void cannotBreachBeforeTheDeadlineNorTwice() {
        fixture.given(scheduled())
                .when(new CheckDeadlineCommand(ID, DUE))
                .expectNoEvents();
        fixture.given(scheduled(), new NotificationDeadlineBreachedEvent(ID, "i-1", "immediate", DUE, DUE))
                .when(new CheckDeadlineCommand(ID, DUE.plusSeconds(60)))
                .expectNoEvents();
    }

    @Test
    void canAcknowledgeASentMessageOnce() {
        fixture.given(scheduled(), new NotificationSentEvent(ID, "i-1", "slack", 1, T0))
                .when(new AcknowledgeNotificationCommand(ID, "bob", T0.plusSeconds(30)))
                .expectEvents(new NotificationAcknowledgedEvent(ID, "i-1", "bob", T0.plusSeconds(30)));
        fixture.given(scheduled(), new NotificationSentEvent(ID, "i-1", "slack", 1, T0),
                        new NotificationAcknowledgedEvent(ID, "i-1", "bob", T0))
                .when(new AcknowledgeNotificationCommand(ID, "carol", T0.plusSeconds(30)))
                .expectNoEvents();
    }

    @Test
    void cannotAcknowledgeAMessageNotSent() {
        fixture.given(scheduled())
                .when(new AcknowledgeNotificationCommand(ID, "bob", T0))
                .expectException(NotificationRuleException.class)
                .expectNoEvents();
    }

    @Test
    void derivesTheSameIdFromTheSameEventAudienceAndContact() {
        assertThat(NotificationId.of("e-1", "DR Team Lead", "slack"))
                .isEqualTo(NotificationId.of("e-1", "DR Team Lead", "slack"))
                .isNotEqualTo(NotificationId.of("e-1", "DR Team Lead", "email"))
                .isNotEqualTo(NotificationId.of("e-2", "DR Team Lead", "slack"));
    }

    private static ScheduleNotificationCommand schedule() {
        return new ScheduleNotificationCommand(ID, "i-1", "e-1", ENVELOPE, "incident-declaration", "immediate", DUE, T0);
    }

    private static NotificationScheduledEvent scheduled() {
        return new NotificationScheduledEvent(ID, "i-1", "e-1", "incident-declaration", "immediate", "DR Team Lead",
                "slack", "slack", "Declared", "body", DUE, T0);
    }
}
