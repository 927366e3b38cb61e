package org.drcc.metrics.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
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
        PeriodFigures f = new PeriodFigures(FROM, TO, TO, mttr, mtbf, rto, Rate.of(0, 0), Rate.of(2, 2),
                new PeriodCounts(incidents.size(), 0, 0, 0, incidents.size()));
        return new MonthlyReport(MONTH, TO, f, incidents);
    }

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
    void anIncidentRowShowsItsRecovery() {
        MonthlyReport r = report(Duration.ofMinutes(90), null, Rate.of(1, 1), List.of(incident("i-1", "s")));
        assertThat(r.incidentRows()).containsExactly(List.of("i-1", "s", "HIGH", "real", FROM.toString(),
                "1 h 30 min", "ACHIEVED", "–", "NOT_APPLICABLE", "RESTORED", "–",
                "RTO: dr.incident.declared.v1 (id not kept) detectedAt → dr.incident.restored.v1 (id not kept) occurredAt"));
        assertThat(r.checks().get(0).verdict()).isEqualTo("met");
    }
}
