package org.drcc.metrics.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import org.drcc.metrics.figures.DrillFact;
import org.drcc.metrics.figures.IncidentFact;
import org.drcc.metrics.figures.IncidentRecovery;
import org.drcc.metrics.figures.PeriodCounts;
import org.drcc.metrics.figures.PeriodFigures;
import org.drcc.metrics.figures.Rate;
import org.junit.jupiter.api.Test;

class MonthlyReportTest {

    static final YearMonth MONTH = YearMonth.of(2026, 11);
    static final Instant FROM = Instant.parse("2026-11-01T00:00:00Z");
    static final Instant TO = Instant.parse("2026-12-01T00:00:00Z");

    static MonthlyReport report(Duration mttr, Duration mtbf, Rate rto, List<IncidentRecovery> incidents) {
        return report(mttr, mtbf, rto, incidents, List.of());
    }

    static MonthlyReport report(Duration mttr, Duration mtbf, Rate rto, List<IncidentRecovery> incidents,
                                List<DrillFact> drills) {
        PeriodFigures f = new PeriodFigures(FROM, TO, TO, mttr, mtbf, rto, Rate.of(0, 0), Rate.of(2, 2),
                new PeriodCounts(incidents.size(), 0, 0, 0, incidents.size()));
        return new MonthlyReport(MONTH, TO, f, incidents, drills);
    }

    static final DrillFact PASSED = new DrillFact("d-1", "database-corruption", "monthly-full", FROM.plusSeconds(60),
            "i-9", FROM.plusSeconds(600), null, null, "e-1");
    static final DrillFact FAILED = new DrillFact("d-2", "point-in-time-recovery", "manual", FROM.plusSeconds(700),
            null, null, FROM.plusSeconds(800), "step 'backup-ready' failed", "e-2");

    static IncidentRecovery incident(String id, String scenario) {
        IncidentFact fact = new IncidentFact(id, scenario, "HIGH", false, Duration.ofHours(2), null, FROM, null,
                FROM, FROM.plus(Duration.ofMinutes(90)), null, null, null, null);
        return IncidentRecovery.of(fact, TO);
    }

    @Test
    void theTargetsAreStrictAsThePlanWritesThem() {
        List<TargetCheck> checks = report(Duration.ofHours(4), Duration.ofHours(720), Rate.of(3, 4), List.of())
                .checks();
        assertThat(checks).extracting(TargetCheck::metric).containsExactly("MTTR", "MTBF", "RTO achievement",
                "RPO achievement", "DR test success");
        assertThat(checks).extracting(TargetCheck::verdict)
                .containsExactly("not met", "not met", "not met", "no data", "met");
        assertThat(checks.get(0).value()).isEqualTo("4 h 00 min");
        assertThat(checks.get(2).value()).isEqualTo("75.0 % (3 of 4)");
    }

    @Test
    void aMonthWithoutIncidentsHasNoDataNotATargetMet() {
        List<TargetCheck> checks = report(null, null, Rate.of(0, 0), List.of()).checks();
        assertThat(checks.subList(0, 4)).extracting(TargetCheck::verdict).containsOnly("no data");
        assertThat(checks.get(0).value()).isEqualTo("no data");
    }

    @Test
    void aDrillRowShowsItsOutcomeAndWhyItFailedIncidentOrNot() {
        MonthlyReport r = report(null, null, Rate.of(0, 0), List.of(), List.of(PASSED, FAILED));
        assertThat(r.drillRows()).containsExactly(
                List.of("d-1", "database-corruption", "monthly-full", FROM.plusSeconds(60).toString(),
                        FROM.plusSeconds(600).toString(), "passed", "i-9", "–"),
                List.of("d-2", "point-in-time-recovery", "manual", FROM.plusSeconds(700).toString(),
                        FROM.plusSeconds(800).toString(), "failed", "–", "step 'backup-ready' failed"));
    }

    @Test
    void anIncidentRowShowsItsRecovery() {
        MonthlyReport r = report(Duration.ofMinutes(90), null, Rate.of(1, 1), List.of(incident("i-1", "s")));
        assertThat(r.incidentRows()).containsExactly(List.of("i-1", "s", "HIGH", "real", FROM.toString(),
                "1 h 30 min", "ACHIEVED", "–", "NOT_APPLICABLE", "RESTORED", "–",
                "RTO: dr.incident.declared.v1 (id not kept) detectedAt → dr.incident.restored.v1 (id not kept) occurredAt"));
        assertThat(r.checks().get(0).verdict()).isEqualTo("met");
    }
}
