package org.drcc.metrics.figures;

import java.time.Duration;
import java.time.Instant;

/**
 * The plan's DR metrics for the incidents declared in a period, and its DR test success for the drills finished in it;
 * a null figure means no data.
 */
public record PeriodFigures(
        Instant from,
        Instant to,
        Instant asOf,
        Duration mttr,
        Duration mtbf,
        Rate rtoAchievement,
        Rate rpoAchievement,
        Rate testSuccess,
        PeriodCounts counts) {
}
