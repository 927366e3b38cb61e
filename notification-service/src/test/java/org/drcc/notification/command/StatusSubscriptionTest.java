package org.drcc.notification.command;

import java.time.Instant;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.drcc.contract.notification.StatusSubscribedEvent;
import org.drcc.contract.notification.StatusSubscriptionConfirmedEvent;
import org.drcc.contract.notification.StatusSubscriptionExpiredEvent;
import org.drcc.contract.notification.StatusUnsubscribedEvent;
import org.junit.jupiter.api.Test;

class StatusSubscriptionTest {

    private static final Instant AT = Instant.parse("2026-11-30T10:00:00Z");
    private static final Instant BY = AT.plusSeconds(48 * 3600);
    private static final String ID = "subscriber-1";
    private static final String PAGE = StatusSubscription.PAGE;

    private final AggregateTestFixture<StatusSubscription> fixture = new AggregateTestFixture<>(StatusSubscription.class);

    private final StatusSubscribedEvent subscribed = new StatusSubscribedEvent(ID, PAGE, "email", "ann@example.com", BY, AT);

    @Test
    void canSubscribeByEmailPendingItsConfirmation() {
        fixture.givenNoPriorActivity()
                .when(new SubscribeToStatusCommand(ID, "email", "ann@example.com", BY, AT))
                .expectEvents(subscribed);
    }

    @Test
    void canConfirmOnceAndSaysSoTheSecondTime() {
        fixture.given(subscribed)
                .when(new ConfirmStatusSubscriptionCommand(ID, AT.plusSeconds(60)))
                .expectEvents(new StatusSubscriptionConfirmedEvent(ID, PAGE, "email", AT.plusSeconds(60)))
                .expectResultMessagePayload(StatusSubscription.Outcome.DONE);
        fixture.given(subscribed, new StatusSubscriptionConfirmedEvent(ID, PAGE, "email", AT))
                .when(new ConfirmStatusSubscriptionCommand(ID, AT.plusSeconds(60)))
                .expectNoEvents()
                .expectResultMessagePayload(StatusSubscription.Outcome.ALREADY);
    }

    @Test
    void cannotConfirmAnEndedSubscription() {
        fixture.given(subscribed, new StatusSubscriptionExpiredEvent(ID, PAGE, "email", BY))
                .when(new ConfirmStatusSubscriptionCommand(ID, BY.plusSeconds(1)))
                .expectNoEvents()
                .expectResultMessagePayload(StatusSubscription.Outcome.ENDED);
    }

    @Test
    void canUnsubscribeOnceAndARepeatChangesNothing() {
        fixture.given(subscribed, new StatusSubscriptionConfirmedEvent(ID, PAGE, "email", AT))
                .when(new UnsubscribeFromStatusCommand(ID, AT.plusSeconds(5)))
                .expectEvents(new StatusUnsubscribedEvent(ID, PAGE, "email", AT.plusSeconds(5)))
                .expectResultMessagePayload(StatusSubscription.Outcome.DONE);
        fixture.given(subscribed, new StatusUnsubscribedEvent(ID, PAGE, "email", AT))
                .when(new UnsubscribeFromStatusCommand(ID, AT.plusSeconds(5)))
                .expectNoEvents()
                .expectResultMessagePayload(StatusSubscription.Outcome.ALREADY);
    }

    @Test
    void canExpireOnlyWhileUnconfirmed() {
        fixture.given(subscribed)
                .when(new ExpireStatusSubscriptionCommand(ID, BY))
                .expectEvents(new StatusSubscriptionExpiredEvent(ID, PAGE, "email", BY));
        fixture.given(subscribed, new StatusSubscriptionConfirmedEvent(ID, PAGE, "email", AT))
                .when(new ExpireStatusSubscriptionCommand(ID, BY))
                .expectNoEvents()
                .expectResultMessagePayload(StatusSubscription.Outcome.ALREADY);
    }
}
