package org.drcc.metrics.figures;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import org.drcc.recovery.Verdict;

/**
 * The period definitions (see the service README), as pure functions: an incident belongs to the
 * period it was declared in, a drill to the period it finished in; verdicts of incidents not restored yet are taken
 * as of {@code asOf}.
 */
public final class Figures {

    private Figures() {
    }

    /**
     * {@code facts}: the incidents (those declared in the period decide its figures; the others count only for the
     * downtime of MTBF); {@code drills}: the drills, of which those finished in the period decide its test success.
     */
    public static PeriodFigures of(Collection<IncidentFact> facts, Collection<DrillFact> drills, Period period,
                                   Instant asOf) {
        List<IncidentFact> declared = facts.stream().filter(f -> period.contains(f.declaredAt())).toList();
        List<IncidentFact> real = declared.stream().filter(f -> !f.drill() && f.cancelledAt() == null).toList();
        List<IncidentRecovery> recoveries = real.stream().map(f -> IncidentRecovery.of(f, asOf)).toList();
        return new PeriodFigures(period.from(), period.to(), asOf, mttr(recoveries), mtbf(facts, period, asOf),
                rate(recoveries.stream().map(IncidentRecovery::rto).toList()),
                rate(recoveries.stream().map(IncidentRecovery::rpo).toList()),
                testSuccess(drills, period),
                new PeriodCounts(real.size(),
                        declared.stream().filter(f -> !f.drill() && f.cancelledAt() != null).count(),
                        declared.stream().filter(IncidentFact::drill).count(),
                        real.stream().filter(f -> f.restoredAt() != null).count(),
                        real.stream().filter(f -> f.closedAt() == null).count()));
    }

    /** Mean time to recover of the restored real incidents; open ones are not in it. */
    static Duration mttr(List<IncidentRecovery> real) {
        List<Duration> times = real.stream().map(IncidentRecovery::timeToRecover).filter(Objects::nonNull).toList();
        return times.isEmpty() ? null : times.stream().reduce(Duration.ZERO, Duration::plus).dividedBy(times.size());
    }

    /**
     * MTBF as reliability engineering defines it: operating time in the period divided by the number of failures in
     * it. A failure is a real incident declared in the period (drills and cancelled false alarms are not failures).
     * Operating time is the part of the period before {@code asOf} (a period still running counts only its past)
     * minus the time service was down in it: from each real incident's outage start (its detection) to its restore,
     * or to {@code asOf} while not restored, overlapping outages counted once, whenever the incident was declared.
     * No failure: null, MTBF is not defined (the operating time is only a lower bound).
     */
    static Duration mtbf(Collection<IncidentFact> facts, Period period, Instant asOf) {
        List<IncidentFact> real = facts.stream().filter(f -> !f.drill() && f.cancelledAt() == null).toList();
        long failures = real.stream().filter(f -> period.contains(f.declaredAt())).count();
        if (failures == 0) {
            return null;
        }
        Instant end = asOf.isBefore(period.to()) ? asOf : period.to();
        Duration operating = Duration.between(period.from(), end).minus(downtime(real, period.from(), end));
        return operating.isNegative() ? Duration.ZERO : operating.dividedBy(failures);
    }

    /** The time in [from, to) covered by at least one outage (outage start to restore, or to {@code to}). */
    static Duration downtime(List<IncidentFact> real, Instant from, Instant to) {
        return Sla.downtime(real, List.of(), from, to);
    }

    /** Decided verdicts only: PENDING and NOT_APPLICABLE are not counted; UNKNOWN counts as not achieved. */
    static Rate rate(List<Verdict> verdicts) {
        long counted = verdicts.stream().filter(v -> v != Verdict.PENDING && v != Verdict.NOT_APPLICABLE).count();
        return Rate.of(verdicts.stream().filter(v -> v == Verdict.ACHIEVED).count(), counted);
    }

    /**
     * DR test success from the drills' own outcomes, as the drill decided them (every step worked and the measured RTO
     * and RPO met the scenario's targets): drills passed / drills finished in the period. A drill belongs to the period
     * its outcome falls in; one still running is in no period. Whether it declared an incident does not matter: a drill
     * that failed before declaring one, or that declares none (the random-moment and application drills), counts.
     */
    static Rate testSuccess(Collection<DrillFact> drills, Period period) {
        List<DrillFact> finished = drills.stream().filter(d -> period.contains(d.finishedAt())).toList();
        return Rate.of(finished.stream().filter(DrillFact::passed).count(), finished.size());
    }
}
