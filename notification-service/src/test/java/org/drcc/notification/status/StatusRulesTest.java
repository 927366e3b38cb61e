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
                    new StatusPageSettings.Component("Trucks & locations", List.of("data-center-failure"))), 50,
            "Service disruption");

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
    void notesAndTheWriteUpsOfPhasesAreNeverPublished() {
        assertThat(StatusRules.publicUpdate(new NoteAddedEvent("i-1", targets(false), "ask carol@x.org", false,
                "alice", T0), "e-1")).isEmpty();
        assertThat(StatusRules.publicUpdate(new NoteAddedEvent("i-1", targets(false), "stakeholders: db-3 encrypted",
                true, "alice", T0), "e-2")).as("a status update for the stakeholders is not for the public").isEmpty();
        assertThat(StatusRules.publicUpdate(new IncidentRestoredEvent("i-1", targets(false), "b-1", T0,
                "restored db-3 from b-1 after the ransomware", "bob", T0), "e-3"))
                .hasValue(new PublicUpdate("e-3", "i-1", "restored", null, T0));
    }

    @Test
    void theIncidentIsShownUnderANeutralTitleWithPublicStatusWordsAndNoScenario() {
        StatusView.IncidentRow row = new StatusView.IncidentRow("i-1", "database-corruption", null, "contained", T0, T0);
        StatusView view = StatusView.assemble(SETTINGS, T0, List.of(row),
                List.of(new PublicUpdate("p-1", "i-1", "update", "Ordering is slow; we are on it", T0)));
        assertThat(view.incidents()).singleElement().satisfies(i -> {
            assertThat(i.title()).isEqualTo("Service disruption: Ordering");
            assertThat(i.status()).as("not 'contained'").isEqualTo("identified");
            assertThat(i.components()).containsExactly("Ordering");
            assertThat(i.toString()).doesNotContain("database-corruption");
        });
        StatusView.IncidentRow titled = new StatusView.IncidentRow("i-1", "database-corruption", "Slow orders",
                "closed", T0, T0);
        assertThat(StatusView.assemble(SETTINGS, T0, List.of(titled), List.of(new PublicUpdate("p-1", "i-1", "closed",
                null, T0))).history()).singleElement()
                .satisfies(e -> assertThat(e).extracting(StatusView.FeedEntry::title, StatusView.FeedEntry::status)
                        .containsExactly("Slow orders", "resolved"));
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
                null, "restored", T0, T0.plusSeconds(60));
        StatusView whileOpen = StatusView.assemble(SETTINGS, T0, List.of(open), updates.subList(0, 2));
        assertThat(whileOpen.incidents()).singleElement().satisfies(i -> assertThat(i.updates())
                .extracting(StatusView.UpdateView::status).containsExactly("monitoring", "investigating"));
        assertThat(whileOpen.components()).extracting(StatusView.ComponentView::status)
                .containsExactly("affected", "operational");
        assertThat(whileOpen.allOperational()).isFalse();

        StatusView.IncidentRow closed = new StatusView.IncidentRow("i-1", "database-corruption",
                null, "closed", T0, T0.plusSeconds(120));
        StatusView after = StatusView.assemble(SETTINGS, T0, List.of(closed), updates);
        assertThat(after.incidents()).isEmpty();
        assertThat(after.allOperational()).isTrue();
        assertThat(after.components()).extracting(StatusView.ComponentView::status)
                .containsOnly("operational");
        assertThat(after.history()).extracting(StatusView.FeedEntry::status)
                .containsExactly("resolved", "monitoring", "investigating");
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
