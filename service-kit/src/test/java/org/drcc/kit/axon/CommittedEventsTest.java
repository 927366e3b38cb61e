package org.drcc.kit.axon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CommittedEventsTest {

    private final EventStoreAutoConfiguration.WakingAfterCommit store = new EventStoreAutoConfiguration.WakingAfterCommit(
            EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()));

    @AfterEach
    void stop() {
        store.shutDown();
    }

    @Test
    void theEventsAUnitOfWorkCommittedOnThisThreadAreHandedBackAsAppliedTheirAggregatesOnly() {
        List<DomainEventMessage<?>> committed = CommittedEvents.of("incident-1", () -> commit(
                event("incident-1", 0, "declared"), event("incident-2", 0, "another's"), event("incident-1", 1, "checklist")));

        assertThat(committed).extracting(DomainEventMessage::getSequenceNumber).containsExactly(0L, 1L);
        assertThat(committed).extracting(m -> (Object) m.getPayload()).containsExactly("declared", "checklist");
    }

    @Test
    void aUnitOfWorkRolledBackHandsBackNothing() {
        List<DomainEventMessage<?>> committed = CommittedEvents.of("incident-1", () -> {
            DefaultUnitOfWork<?> work = DefaultUnitOfWork.startAndGet(null);
            store.publish(event("incident-1", 0, "declared"));
            work.rollback();
            commit(event("incident-2", 0, "another's, committed"));
        });

        assertThat(committed).isEmpty();
    }

    @Test
    void aFailureOfTheWorkPassesThroughAndLeavesTheThreadCollectingNothing() {
        AtomicReference<Boolean> collectingDuring = new AtomicReference<>();
        assertThatThrownBy(() -> CommittedEvents.of("incident-1", () -> {
            collectingDuring.set(CommittedEvents.collecting());
            commit(event("incident-1", 0, "declared"));
            throw new IllegalStateException("refused");
        })).hasMessage("refused");

        assertThat(collectingDuring.get()).isTrue();
        assertThat(CommittedEvents.collecting()).as("the thread's list is gone: nothing kept for the next caller").isFalse();
    }

    @Test
    void workOutsideAnyCollectionIsNotKeptAndANestedCollectionAlsoHandsItsEventsOut() {
        commit(event("incident-1", 0, "not collected"));
        List<DomainEventMessage<?>> inner = new java.util.ArrayList<>();
        List<DomainEventMessage<?>> outer = CommittedEvents.of("incident-1", () -> {
            commit(event("incident-1", 1, "outer"));
            inner.addAll(CommittedEvents.of("incident-1", () -> commit(event("incident-1", 2, "inner"))));
        });

        assertThat(inner).extracting(m -> (Object) m.getPayload()).containsExactly("inner");
        assertThat(outer).extracting(m -> (Object) m.getPayload()).containsExactly("outer", "inner");
    }

    private void commit(DomainEventMessage<?>... events) {
        DefaultUnitOfWork.startAndGet(null).execute(() -> store.publish(events));
    }

    private static DomainEventMessage<?> event(String aggregate, long sequence, String payload) {
        return new GenericDomainEventMessage<>("Incident", aggregate, sequence, payload);
    }
}
