package org.drcc.incident.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.drcc.contract.incident.IncidentDeclaredEvent;
import org.drcc.contract.incident.IncidentStatus;
import org.drcc.contract.incident.Severity;
import org.drcc.contract.incident.SeverityChangedEvent;
import org.junit.jupiter.api.Test;

/** A declaration's answer folded from the events its command applied, and the store read only when those are not all. */
class IncidentHistoryTest {

    private static final Instant AT = Instant.parse("2026-12-02T10:15:30.123456Z");
    private static final IncidentDeclaredEvent DECLARED = new IncidentDeclaredEvent("i-1", "database-corruption",
            "Orders table corrupted", null, Severity.HIGH, Duration.ofHours(4), Duration.ofMinutes(15), AT, null, false,
            "alice", AT);

    private final EventStore store = mock(EventStore.class);
    private final IncidentHistory history = new IncidentHistory(store);

    @Test
    void theEventsOfADeclarationAreFoldedWithoutReadingTheStore() {
        IncidentView view = history.current("i-1", List.of(message(0, DECLARED)));

        assertThat(view.status()).isEqualTo(IncidentStatus.DECLARED);
        assertThat(view.version()).isZero();
        assertThat(view.declaredBy()).isEqualTo("alice");
        verify(store, never()).readEvents(anyString(), anyLong());
    }

    @Test
    void eventsThatAreNotTheWholeStreamFromTheDeclarationAreReadFromTheStore() {
        SeverityChangedEvent changed = new SeverityChangedEvent("i-1", DECLARED.targets(), Severity.HIGH,
                Severity.CRITICAL, "payments too", "dana", AT.plusSeconds(60));
        when(store.readEvents("i-1", 0L)).thenReturn(DomainEventStream.of(message(0, DECLARED), message(1, changed)));

        IncidentView view = history.current("i-1", List.of(message(1, changed)));

        assertThat(view.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(view.version()).isEqualTo(1);
        verify(store).readEvents("i-1", 0L);
    }

    @Test
    void noEventsHandedBackMeansTheStoreIsRead() {
        when(store.readEvents("i-1", 0L)).thenReturn(DomainEventStream.of(message(0, DECLARED)));

        assertThat(history.current("i-1", List.of()).status()).isEqualTo(IncidentStatus.DECLARED);
        verify(store).readEvents("i-1", 0L);
    }

    private static DomainEventMessage<?> message(long sequence, Object event) {
        return new GenericDomainEventMessage<>("Incident", "i-1", sequence, event);
    }
}
