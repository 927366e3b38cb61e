package org.drcc.notification.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.drcc.contract.incident.IncidentClosedEvent;
import org.drcc.contract.incident.IncidentDeclaredEvent;
import org.drcc.contract.incident.IncidentEvent;
import org.drcc.contract.incident.IncidentRestoredEvent;
import org.drcc.contract.incident.IncidentTargets;
import org.drcc.contract.incident.NoteAddedEvent;
import org.drcc.contract.incident.Severity;
import org.junit.jupiter.api.Test;

class StatusRulesTest {

    private static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");
    private static final StatusPageSettings SETTINGS = new StatusPageSettings("Food Truck Management System",
            List.of(new StatusPageSettings.Component("Ordering", List.of("database-corruption")),
                    new StatusPageSettings.Component("Trucks & locations", List.of("data-center-failure"))), 50);

    private static IncidentDeclaredEvent declared(String id, boolean drill) {
        return new IncidentDeclaredEvent(id, "database-corruption", "Orders table corrupted", "internal detail",
                Severity.HIGH, Duration.ofHours(2), Duration.ofHours(1), T0, T0, drill, "alice", T0);
    }

    private static IncidentTargets targets(boolean drill) {
        return new IncidentTargets("database-corruption", Duration.ofHours(2), Duration.ofHours(1), drill);
    }

    @Test
    void drillsAreNeverPublished() {
        assertThat(StatusRules.publicUpdate(declared("d-1", true), "e-1")).isEmpty();
        assertThat(StatusRules.publicUpdate(new NoteAddedEvent("d-1", targets(true), "we are on it", true,
                "alice", T0), "e-2")).isEmpty();
        assertThat(StatusRules.publicUpdate(new IncidentClosedEvent("d-1", targets(true), "done", "bob", T0),
                "e-3")).isEmpty();
    }

    @Test
    void internalNotesAreHiddenAndStatusUpdatesShown() {
        assertThat(StatusRules.publicUpdate(new NoteAddedEvent("i-1", targets(false), "ask carol@x.org", false,
                "alice", T0), "e-1")).isEmpty();
        assertThat(StatusRules.publicUpdate(new NoteAddedEvent("i-1", targets(false), "Orders may be slow", true,
                "alice", T0), "e-2")).hasValueSatisfying(u -> assertThat(u)
                .isEqualTo(new PublicUpdate("e-2", "i-1", "update", "Orders may be slow", T0)));
    }

    @Test
    void aDeclarationPublishesNeitherActorNorDescription() {
        PublicUpdate u = StatusRules.publicUpdate(declared("i-1", false), "e-1").orElseThrow();
        assertThat(u.status()).isEqualTo("declared");
        assertThat(u.text()).isNull();
        assertThat(u.toString()).doesNotContain("alice", "internal detail");
    }

    @Test
    void aClosedIncidentLeavesTheCurrentListButStaysInTheFeedHistory() {
        List<PublicUpdate> updates = new ArrayList<>();
        for (IncidentEvent e : List.of(declared("i-1", false),
                new IncidentRestoredEvent("i-1", targets(false), "b-1", T0, "Orders are back", "bob", T0.plusSeconds(60)),
                new IncidentClosedEvent("i-1", targets(false), "All clear", "bob", T0.plusSeconds(120)))) {
            StatusRules.publicUpdate(e, "e-" + updates.size()).ifPresent(updates::add);
        }
        StatusView.IncidentRow open = new StatusView.IncidentRow("i-1", "database-corruption",
                "Orders table corrupted", "restored", T0, T0.plusSeconds(60));
        StatusView whileOpen = StatusView.assemble(SETTINGS, T0, List.of(open), updates.subList(0, 2));
        assertThat(whileOpen.incidents()).singleElement().satisfies(i -> assertThat(i.updates())
                .extracting(StatusView.UpdateView::status).containsExactly("restored", "declared"));
        assertThat(whileOpen.components()).extracting(StatusView.ComponentView::status)
                .containsExactly("affected", "operational");
        assertThat(whileOpen.allOperational()).isFalse();

        StatusView.IncidentRow closed = new StatusView.IncidentRow("i-1", "database-corruption",
                "Orders table corrupted", "closed", T0, T0.plusSeconds(120));
        StatusView after = StatusView.assemble(SETTINGS, T0, List.of(closed), updates);
        assertThat(after.incidents()).isEmpty();
        assertThat(after.allOperational()).isTrue();
        assertThat(after.components()).extracting(StatusView.ComponentView::status)
                .containsOnly("operational");
        assertThat(after.history()).extracting(StatusView.FeedEntry::status)
                .containsExactly("closed", "restored", "declared");
        assertThat(after.history()).extracting(StatusView.FeedEntry::id).doesNotHaveDuplicates()
                .allMatch(id -> id.startsWith("urn:drcc-status:"));
    }

    @Test
    void closedAndCancelledAreNotCurrent() {
        assertThat(StatusRules.current("closed")).isFalse();
        assertThat(StatusRules.current("cancelled")).isFalse();
        assertThat(StatusRules.current("restored")).isTrue();
        assertThat(StatusRules.current("declared")).isTrue();
    }
}
