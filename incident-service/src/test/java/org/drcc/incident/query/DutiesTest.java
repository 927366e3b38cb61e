package org.drcc.incident.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.drcc.contract.incident.IncidentRole;
import org.drcc.contract.incident.IncidentStatus;
import org.drcc.contract.incident.Phase;
import org.drcc.contract.incident.Severity;
import org.junit.jupiter.api.Test;

class DutiesTest {

    private static final IncidentView INCIDENT = incident(Map.of(IncidentRole.DR_LEAD, "dana",
            IncidentRole.DATABASE_ADMINISTRATOR, "bob"), List.of(
            item("incident-declared", IncidentRole.DR_LEAD), item("restore-database", IncidentRole.DATABASE_ADMINISTRATOR),
            item("network-configured", IncidentRole.DEVOPS), item("step-1", null),
            item("security-assessment", IncidentRole.SECURITY)));

    @Test
    void aPersonsOwnItemsComeFirstInThePlansOrder() {
        CallerChecklist bob = Duties.checklistFor(INCIDENT, "bob", Set.of("dba"), false);
        assertThat(bob.roles()).containsExactly(IncidentRole.DATABASE_ADMINISTRATOR);
        assertThat(bob.items()).extracting(i -> i.entry().id() + (i.mine() ? "*" : "")).containsExactly(
                "restore-database*", "incident-declared", "network-configured", "step-1", "security-assessment");
    }

    @Test
    void aRoleTheIncidentGivesNobodyIsTheirsWhoseTokenCarriesItButAnAssignedOneIsNot() {
        CallerChecklist carol = Duties.checklistFor(INCIDENT, "carol", Set.of("devops", "dba"), true);
        assertThat(carol.roles()).containsExactly(IncidentRole.DEVOPS);
        assertThat(carol.items()).extracting(i -> i.entry().id()).containsExactly("network-configured");
        assertThat(Duties.checklistFor(INCIDENT, "erin", Set.of("viewer"), true).items()).isEmpty();
    }

    private static IncidentView.ChecklistEntry item(String id, IncidentRole owner) {
        return new IncidentView.ChecklistEntry(id, Phase.RECOVERY, id, false, owner, "OPEN", null, null, null, null);
    }

    private static IncidentView incident(Map<IncidentRole, String> roles, List<IncidentView.ChecklistEntry> items) {
        Instant t = Instant.parse("2026-11-25T10:00:00Z");
        return new IncidentView("i-1", "database-corruption", "t", null, Severity.HIGH, IncidentStatus.DECLARED,
                Phase.ASSESSMENT, List.of(), Duration.ofHours(2), Duration.ofHours(1), t, null, false, t, "alice", t, 2,
                roles, items, List.of(), null, null, List.of());
    }
}
