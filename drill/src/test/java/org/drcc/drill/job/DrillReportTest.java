package org.drcc.drill.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.drcc.drill.query.DrillStep;
import org.drcc.drill.query.DrillSummary;
import org.drcc.drill.query.DrillView;
import org.junit.jupiter.api.Test;

class DrillReportTest {

    private static final Instant T0 = Instant.parse("2026-11-30T10:00:00Z");

    @Test
    void theCodeCorruptionReportGivesTheTimesToDetectAndToRollBackAgainstTheRto() {
        DrillSummary drill = new DrillSummary("d1", "application-code-corruption", "foodtruck", "manual", "PASSED", "dana",
                null, T0, T0.plusSeconds(20), null, null, null, Duration.ofSeconds(9), Duration.ofHours(2), null, null,
                null, null, null, null);
        List<DrillStep> steps = List.of(
                new DrillStep(1, ApplicationExercise.DEPLOYED, "OK", "1.2.0-broken", T0.plusSeconds(1), T0.plusSeconds(2)),
                new DrillStep(2, ApplicationExercise.DETECTED, "OK", "caught", T0.plusSeconds(2), T0.plusSeconds(5)),
                new DrillStep(3, ApplicationExercise.ROLLED_BACK, "OK", "1.0.0", T0.plusSeconds(5), T0.plusSeconds(6)),
                new DrillStep(4, ApplicationExercise.VALIDATED, "OK", "green", T0.plusSeconds(6), T0.plusSeconds(10)));

        String md = DrillReport.markdown(new DrillView(drill, steps));

        assertThat(md).contains("| RTO (bad release deployed to validated rollback) | PT9S | PT2H | yes |",
                "| Time to detect (deployed to caught by a check) | PT4S | PT2H | yes |",
                "| Time to roll back (caught to validated) | PT5S | PT2H | yes |",
                "foodtruck (only read").doesNotContain("RPO");
    }
}
