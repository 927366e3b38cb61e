package org.drcc.notification.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.drcc.contract.notification.NotificationAcknowledgedEvent;
import org.drcc.contract.notification.NotificationDeadlineBreachedEvent;
import org.drcc.contract.notification.NotificationDeadlineMetEvent;
import org.drcc.contract.notification.NotificationFailedEvent;
import org.drcc.contract.notification.NotificationRetryScheduledEvent;
import org.drcc.contract.notification.NotificationScheduledEvent;
import org.drcc.contract.notification.NotificationSentEvent;
import org.drcc.kit.rules.RuleRefusedException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class NotificationTest {

    private static final String ID = "n-1";
    private static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");
    private static final Instant DUE = T0.plus(Duration.ofMinutes(15));
    private static final Envelope ENVELOPE = new Envelope("i-1", "DR Team Lead", "slack", "slack", "Declared", "body");

    private AggregateTestFixture<Notification> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Notification.class);
        fixture.registerInjectableResource(new RetryPolicy(3, Duration.ofSeconds(10), 3.0));
    }

    @Test
    void canSchedule() {
        fixture.givenNoPriorActivity()
                .when(schedule())
                .expectEvents(scheduled());
    }

    @Test
    void aMessageFoundNotYetScheduledIsCreatedAsAnyOther() {
        fixture.givenNoPriorActivity()
                .when(new CreateNotificationCommand(ID, schedule()))
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
    void canClaimAScheduledMessage() {
        Instant at = T0.plusSeconds(1);
        fixture.given(scheduled())
                .when(new StartDeliveryCommand(ID, at))
                .expectEvents(new DeliveryAttemptStartedEvent(ID, "i-1", 1, at))
                .expectResultMessagePayload(new Claim(ENVELOPE, 1));
    }

    @Test
    void cannotClaimAMessageAlreadyClaimed() {
        fixture.given(scheduled(), started(1))
                .when(new StartDeliveryCommand(ID, T0.plusSeconds(2)))
                .expectNoEvents()
                .expectResultMessagePayload(null);
    }

    @Test
    void cannotClaimASentMessage() {
        fixture.given(scheduled(), started(1), new NotificationSentEvent(ID, "i-1", "slack", 1, T0))
                .when(new StartDeliveryCommand(ID, T0.plusSeconds(9)))
                .expectNoEvents()
                .expectResultMessagePayload(null);
    }

    @Test
    void aMessageOnlyLoggedReachedNobodyAndItsDeadlineIsNotMetThoughOnTime() {
        Instant at = T0.plusSeconds(5);
        fixture.given(new NotificationScheduledEvent(ID, "i-1", "e-1", "incident-declaration", "immediate", "Management",
                        "log", "log", "Declared", "body", DUE, T0), started(1))
                .when(new RecordDeliveryCommand(ID, 1, null, at))
                .expectEvents(new NotificationSentEvent(ID, "i-1", "log", 1, at),
                        new NotificationDeadlineBreachedEvent(ID, "i-1", "immediate", DUE, at));
    }

    @Test
    void canRecordASendBeforeTheDeadline() {
        Instant at = T0.plusSeconds(5);
        fixture.given(scheduled(), started(1))
                .when(new RecordDeliveryCommand(ID, 1, null, at))
                .expectEvents(new NotificationSentEvent(ID, "i-1", "slack", 1, at),
                        new NotificationDeadlineMetEvent(ID, "i-1", "immediate", DUE, at));
    }

    @Test
    void canRecordALateSendAndTheBreach() {
        Instant at = DUE.plusSeconds(1);
        fixture.given(scheduled(), started(1))
                .when(new RecordDeliveryCommand(ID, 1, null, at))
                .expectEvents(new NotificationSentEvent(ID, "i-1", "slack", 1, at),
                        new NotificationDeadlineBreachedEvent(ID, "i-1", "immediate", DUE, at));
    }

    @Test
    void cannotRecordAnOutcomeTwice() {
        fixture.given(scheduled(), started(1), new NotificationSentEvent(ID, "i-1", "slack", 1, T0))
                .when(new RecordDeliveryCommand(ID, 1, null, T0.plusSeconds(1)))
                .expectNoEvents();
    }

    @Test
    void canScheduleARetryWithBackoffWhenTheChannelRefuses() {
        Instant at = T0.plusSeconds(10);
        fixture.given(scheduled(), started(1), new NotificationRetryScheduledEvent(ID, "i-1", "slack", 1, "x", at, T0),
                        started(2))
                .when(new RecordDeliveryCommand(ID, 2, "503 Service Unavailable", at))
                .expectEvents(new NotificationRetryScheduledEvent(ID, "i-1", "slack", 2, "503 Service Unavailable",
                        at.plusSeconds(30), at));
    }

    @Test
    void cannotClaimARetryBeforeTheBackoffHasPassed() {
        fixture.given(scheduled(), started(1), new NotificationRetryScheduledEvent(ID, "i-1", "slack", 1, "x",
                        T0.plusSeconds(10), T0))
                .when(new StartDeliveryCommand(ID, T0.plusSeconds(9)))
                .expectNoEvents();
    }

    @Test
    void canFailWithTheCauseAfterTheLastAttemptAndBreachTheDeadline() {
        Instant at = T0.plusSeconds(60);
        fixture.given(scheduled(), started(3))
                .when(new RecordDeliveryCommand(ID, 3, "connection refused", at))
                .expectEvents(new NotificationFailedEvent(ID, "i-1", "slack", 3, "connection refused", at),
                        new NotificationDeadlineBreachedEvent(ID, "i-1", "immediate", DUE, at));
    }

    @Test
    void aHopelessFailureFailsAtOnceWithoutRetries() {
        Instant at = T0.plusSeconds(2);
        fixture.given(scheduled(), started(1))
                .when(new RecordDeliveryCommand(ID, 1, "status-email: the subscriber unsubscribed, expired or was erased",
                        at, true))
                .expectEvents(new NotificationFailedEvent(ID, "i-1", "slack", 1,
                                "status-email: the subscriber unsubscribed, expired or was erased", at),
                        new NotificationDeadlineBreachedEvent(ID, "i-1", "immediate", DUE, at));
    }

    @Test
    void cannotClaimAfterFailing() {
        fixture.given(scheduled(), started(3), new NotificationFailedEvent(ID, "i-1", "slack", 3, "x", T0))
                .when(new StartDeliveryCommand(ID, T0.plusSeconds(100)))
                .expectNoEvents();
    }

    @Test
    void cannotResendAChatMessageWhoseAttemptWasInterrupted() {
        Instant at = T0.plusSeconds(30);
        fixture.given(scheduled(), started(1))
                .when(new ResolveInterruptedDeliveryCommand(ID, at))
                .expectEvents(new NotificationFailedEvent(ID, "i-1", "slack", 1,
                        "interrupted while sending: it may have arrived, so it is not sent again", at),
                        // a failed message will never be on time: the breach is known now, not at the deadline
                        new NotificationDeadlineBreachedEvent(ID, "i-1", "immediate", DUE, at));
    }

    @Test
    void canRetryAnInterruptedPageBecausePagerDutyDeduplicates() {
        Instant at = T0.plusSeconds(30);
        fixture.given(new NotificationScheduledEvent(ID, "i-1", "e-1", "incident-declaration", "immediate",
                        "DR Team Lead", "pager", "pagerduty", "Declared", "body", DUE, T0), started(1))
                .when(new ResolveInterruptedDeliveryCommand(ID, at))
                .expectEvents(new NotificationRetryScheduledEvent(ID, "i-1", "pagerduty", 1,
                        "interrupted while sending; repeated, the channel deduplicates", at.plusSeconds(10), at));
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
        fixture.given(scheduled(), started(1), new NotificationSentEvent(ID, "i-1", "slack", 1, T0))
                .when(new AcknowledgeNotificationCommand(ID, "bob", T0.plusSeconds(30)))
                .expectEvents(new NotificationAcknowledgedEvent(ID, "i-1", "bob", T0.plusSeconds(30)));
        fixture.given(scheduled(), started(1), new NotificationSentEvent(ID, "i-1", "slack", 1, T0),
                        new NotificationAcknowledgedEvent(ID, "i-1", "bob", T0))
                .when(new AcknowledgeNotificationCommand(ID, "carol", T0.plusSeconds(30)))
                .expectNoEvents();
    }

    @Test
    void cannotAcknowledgeAMessageNotSent() {
        fixture.given(scheduled())
                .when(new AcknowledgeNotificationCommand(ID, "bob", T0))
                .expectException(RuleRefusedException.class)
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

    private static DeliveryAttemptStartedEvent started(int attempt) {
        return new DeliveryAttemptStartedEvent(ID, "i-1", attempt, T0);
    }

    private static NotificationScheduledEvent scheduled() {
        return new NotificationScheduledEvent(ID, "i-1", "e-1", "incident-declaration", "immediate", "DR Team Lead",
                "slack", "slack", "Declared", "body", DUE, T0);
    }
}
