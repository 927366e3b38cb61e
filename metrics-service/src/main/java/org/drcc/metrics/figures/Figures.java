package org.drcc.metrics.figures;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.drcc.recovery.RecoveryRules;
import org.drcc.recovery.Verdict;

/**
 * The period definitions (see the service README), as pure functions: an incident belongs to the
 * period it was declared in; verdicts of incidents not restored yet are taken as of {@code asOf}.
 */
public final class Figures {

    private Figures() {
    }

    public static PeriodFigures of(Collection<IncidentFact> facts, Period period, Instant asOf) {
        List<IncidentFact> declared = facts.stream().filter(f -> period.contains(f.declaredAt())).toList();
        List<IncidentFact> real = declared.stream().filter(f -> !f.drill() && f.cancelledAt() == null).toList();
        List<IncidentFact> drills = declared.stream().filter(IncidentFact::drill).toList();
        List<IncidentRecovery> recoveries = real.stream().map(f -> IncidentRecovery.of(f, asOf)).toList();
        return new PeriodFigures(period.from(), period.to(), asOf, mttr(recoveries), mtbf(real),
                rate(recoveries.stream().map(IncidentRecovery::rto).toList()),
                rate(recoveries.stream().map(IncidentRecovery::rpo).toList()),
                testSuccess(drills, asOf),
                new PeriodCounts(real.size(),
                        declared.stream().filter(f -> !f.drill() && f.cancelledAt() != null).count(),
                        drills.size(),
                        real.stream().filter(f -> f.restoredAt() != null).count(),
                        real.stream().filter(f -> f.closedAt() == null).count()));
    }

    /** Mean time to recover of the restored real incidents; open ones are not in it. */
    static Duration mttr(List<IncidentRecovery> real) {
        List<Duration> times = real.stream().map(IncidentRecovery::timeToRecover).filter(Objects::nonNull).toList();
        return times.isEmpty() ? null : times.stream().reduce(Duration.ZERO, Duration::plus).dividedBy(times.size());
    }

    /** Mean gap between consecutive declarations: (last − first) / (n − 1); needs two declarations. */
    static Duration mtbf(List<IncidentFact> real) {
        List<Instant> at = real.stream().map(IncidentFact::declaredAt).sorted().toList();
        return at.size() < 2 ? null : Duration.between(at.get(0), at.get(at.size() - 1)).dividedBy(at.size() - 1);
    }

    /** Decided verdicts only: PENDING and NOT_APPLICABLE are not counted; UNKNOWN counts as not achieved. */
    static Rate rate(List<Verdict> verdicts) {
        long counted = verdicts.stream().filter(v -> v != Verdict.PENDING && v != Verdict.NOT_APPLICABLE).count();
        return Rate.of(verdicts.stream().filter(v -> v == Verdict.ACHIEVED).count(), counted);
    }

    static Rate testSuccess(List<IncidentFact> drills, Instant asOf) {
        List<Boolean> outcomes = drills.stream().map(f -> drillSucceeded(f, asOf)).flatMap(Optional::stream).toList();
        return Rate.of(outcomes.stream().filter(Boolean::booleanValue).count(), outcomes.size());
    }

    /** A drill is a recovery test; a cancelled one never reached RESTORED. Empty while it can still pass. */
    static Optional<Boolean> drillSucceeded(IncidentFact f, Instant asOf) {
        IncidentRecovery r = IncidentRecovery.of(f, asOf);
        return r.rto() == Verdict.PENDING ? Optional.empty() : Optional.of(f.cancelledAt() == null
                && RecoveryRules.missedTargets(r.timeToRecover(), f.rto(), r.dataLoss(), f.rpo()).isEmpty());
    }
}
