package org.drcc.incident.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.drcc.contract.incident.ChecklistItem;
import org.drcc.contract.incident.IncidentRole;
import org.drcc.contract.incident.Phase;
import org.drcc.contract.incident.PhaseWindow;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

class PlanTest {

    private final Plan plan = Plan.load(new ClassPathResource("plan.yml"));

    @Test
    void thePhaseWindowsAreThePlansFromDetection() {
        assertThat(plan.windows()).containsExactly(
                new PhaseWindow(Phase.ASSESSMENT, Duration.ZERO, Duration.ofMinutes(30)),
                new PhaseWindow(Phase.CONTAINMENT, Duration.ofMinutes(30), Duration.ofHours(1)),
                new PhaseWindow(Phase.RECOVERY, Duration.ofHours(1), Duration.ofHours(4)),
                new PhaseWindow(Phase.VALIDATION, Duration.ofHours(4), Duration.ofHours(6)),
                new PhaseWindow(Phase.POST_RECOVERY, Duration.ofHours(6), null));
    }

    @Test
    void aScenariosChecklistHoldsTheActionsDutiesAndItsRecoveryChecklistsEachOwnedByARole() {
        List<ChecklistItem> database = plan.checklistFor(plan.find("database-corruption").orElseThrow());
        assertThat(database).filteredOn(i -> i.id().equals("restore-database")).singleElement()
                .satisfies(i -> {
                    assertThat(i.owner()).isEqualTo(IncidentRole.DATABASE_ADMINISTRATOR);
                    assertThat(i.phase()).isEqualTo(Phase.RECOVERY);
                    assertThat(i.mandatory()).isFalse();
                    assertThat(i.text()).startsWith("Restore database: Select appropriate backup;");
                });
        assertThat(database).extracting(ChecklistItem::id).contains("security-assessment", "support-status-updates",
                "db-manifest-matched", "comm-users-emailed").doesNotContain("app-deployed-by-pipeline");
        assertThat(database).filteredOn(i -> !i.id().startsWith("step-")).allSatisfy(i -> assertThat(i.owner()).isNotNull());
        assertThat(database).filteredOn(ChecklistItem::mandatory).extracting(ChecklistItem::phase)
                .as("only the phases' own items gate").hasSize(27);

        List<ChecklistItem> code = plan.checklistFor(plan.find("application-code-corruption").orElseThrow());
        assertThat(code).extracting(ChecklistItem::id).contains("app-deployed-by-pipeline")
                .doesNotContain("db-manifest-matched", "infra-dns-switched");
    }

    @Test
    void everyRoleOfThePlanHasItsResponsibilities() {
        assertThat(plan.roles()).extracting(RoleDuties::role).containsExactly(IncidentRole.values());
        assertThat(plan.roles()).allSatisfy(r -> assertThat(r.responsibilities()).hasSize(4));
    }
}
