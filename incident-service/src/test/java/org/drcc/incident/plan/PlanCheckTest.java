package org.drcc.incident.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import org.drcc.contract.incident.Phase;
import org.drcc.contract.incident.Severity;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

class PlanCheckTest {

    private static final Sla FIVE_NINES = new Sla(new BigDecimal("99.999"), Duration.ofSeconds(316));

    @Test
    void fiveNinesAllowAboutFiveMinutesTwentySixOfDowntimeAYear() {
        assertThat(FIVE_NINES.allowedDowntime()).isBetween(Duration.ofSeconds(315), Duration.ofSeconds(316));
        assertThat(new Sla(new BigDecimal("99.9"), null).allowedDowntime())
                .isBetween(Duration.ofHours(8).plusMinutes(45), Duration.ofHours(8).plusMinutes(46));
    }

    @Test
    void oneIncidentAtAnRtoLongerThanTheYearsDowntimeBreaksTheSla() {
        List<PlanCheck.Finding> findings = PlanCheck.sla(FIVE_NINES, List.of(scenario("db", "PT2H", "1-2 hours"),
                scenario("quick", "PT5M", "1-5 minutes")));
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo("sla-rto");
            assertThat(f.subject()).isEqualTo("db");
            assertThat(f.message()).contains("2 h", "22 times", "99.999");
        });
    }

    @Test
    void anSlaWhoseStatedDowntimeDisagreesWithItsAvailabilityIsNamed() {
        assertThat(PlanCheck.sla(new Sla(new BigDecimal("99.99"), Duration.ofSeconds(316)), List.of()))
                .extracting(PlanCheck.Finding::rule).containsExactly("sla-downtime");
    }

    @Test
    void aWindowBeforeTheRestoreThatEndsAfterTheRtoIsNamedAndLaterOnesAreNot() {
        List<PhaseChecklist> phases = List.of(
                phase(Phase.CONTAINMENT, "PT30M", "PT1H"), phase(Phase.RECOVERY, "PT1H", "PT4H"),
                phase(Phase.VALIDATION, "PT4H", "PT6H"), phase(Phase.POST_RECOVERY, "PT6H", null));
        assertThat(PlanCheck.windows(scenario("db", "PT2H", "1-2 hours"), phases)).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("RECOVERY window ends 4 h", "RTO of 2 h"));
        assertThat(PlanCheck.windows(scenario("region", "PT8H", "4-8 hours"), phases)).isEmpty();
    }

    @Test
    void anEstimatedRecoveryLongerThanTheRtoIsNamedAndAnUnreadableOneToo() {
        assertThat(PlanCheck.estimatedRecovery(scenario("ransomware", "PT4H", "4-8 hours"))).get()
                .satisfies(f -> assertThat(f.message()).contains("up to 8 h", "RTO of 4 h"));
        assertThat(PlanCheck.estimatedRecovery(scenario("code", "PT2H", "30 minutes - 2 hours"))).isEmpty();
        assertThat(PlanCheck.estimatedRecovery(scenario("odd", "PT2H", "about a day"))).get()
                .extracting(PlanCheck.Finding::rule).isEqualTo("estimate-unreadable");
    }

    @Test
    void theShippedPlanNamesItsOwnContradictions() {
        List<PlanCheck.Finding> findings = PlanCheck.check(Plan.load(new ClassPathResource("plan.yml")));
        assertThat(findings).extracting(f -> f.rule() + " " + f.subject()).contains(
                "sla-rto database-corruption", "window-after-rto database-corruption",
                "window-after-rto application-code-corruption", "estimate-after-rto ransomware-attack")
                .doesNotContain("sla-downtime sla", "window-after-rto regional-disaster");
    }

    private static Scenario scenario(String id, String rto, String estimate) {
        return new Scenario(id, id, Severity.HIGH, Probability.LOW, Duration.parse(rto), null, estimate, List.of(), List.of());
    }

    private static PhaseChecklist phase(Phase phase, String from, String until) {
        return new PhaseChecklist(phase, new Window(Duration.parse(from), until == null ? null : Duration.parse(until)),
                List.of(), List.of());
    }
}
