package org.drcc.metrics.figures;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * The SLA definitions (see the service README), as pure functions. An outage is a real incident's loss of service,
 * from its outage start (detection, else declaration) to its restore, or to now while it is not restored; drills and
 * cancelled false alarms are none (the same outages MTBF subtracts). Planned maintenance windows are excluded from
 * the time measured and from the downtime alike.
 */
public final class Sla {

    /** The windows of the burn rates on the API and Prometheus: the alert compares a short and a long one. */
    public static final Map<String, Duration> BURN_WINDOWS = burnWindows();

    private Sla() {
    }

    public static SlaFigures of(Collection<IncidentFact> facts, Collection<MaintenanceWindow> windows, Period period,
                                SlaTarget target, Instant asOf) {
        return new SlaFigures(target.ratio(), target.availabilityPercent().toPlainString(),
                target.allowedDowntime(Duration.ofDays(365)), availability(facts, windows, period, target, asOf),
                errorBudget(facts, windows, target, asOf));
    }

    /**
     * The stretch of time {@link #of} reads outages and maintenance windows from: the period, the calendar year of
     * {@code asOf} (to its end: the budget leaves out the maintenance scheduled later in the year) and the longest burn
     * window before {@code asOf}. An outage that ended before it, or a window outside it, changes no figure.
     */
    public static Period reach(Period period, Instant asOf) {
        int year = asOf.atZone(ZoneOffset.UTC).getYear();
        Instant burn = asOf.minus(BURN_WINDOWS.values().stream().max(Duration::compareTo).orElseThrow());
        Instant from = Stream.of(period.from(), yearStart(year), burn).min(Instant::compareTo).orElseThrow();
        Instant yearEnd = yearStart(year + 1);
        return new Period(from, period.to().isAfter(yearEnd) ? period.to() : yearEnd);
    }

    public static Availability availability(Collection<IncidentFact> facts, Collection<MaintenanceWindow> windows,
                                            Period period, SlaTarget target, Instant asOf) {
        Instant end = asOf.isBefore(period.to()) ? asOf : period.to();
        if (!period.from().isBefore(end)) {
            return new Availability(period.from(), period.to(), asOf, target.ratio(), Duration.ZERO, Duration.ZERO,
                    Duration.ZERO, null, Duration.ZERO, null, List.of(), List.of());
        }
        List<Interval> maintenance = clipped(windows.stream().map(MaintenanceWindow::interval).toList(),
                period.from(), end);
        List<Outage> outages = outages(facts, period.from(), end, maintenance);
        Duration measured = Duration.between(period.from(), end).minus(Interval.total(maintenance));
        Duration down = Interval.total(Interval.minus(outages.stream().map(Outage::interval).toList(), maintenance));
        Duration allowed = target.allowedDowntime(measured);
        Double availability = measured.isZero() ? null : 1.0 - (double) down.toNanos() / measured.toNanos();
        return new Availability(period.from(), period.to(), asOf, target.ratio(), measured,
                Interval.total(maintenance), down, availability, allowed,
                measured.isZero() ? null : down.compareTo(allowed) <= 0, outages,
                windows.stream().filter(w -> w.interval().clip(period.from(), period.to()) != null)
                        .sorted(java.util.Comparator.comparing(MaintenanceWindow::startsAt)).toList());
    }

    /**
     * The calendar year (UTC) of {@code asOf}: the budget is what the target allows of the whole year less the
     * maintenance scheduled in it (windows already known for later in the year included), spent by the year's
     * downtime so far.
     */
    public static ErrorBudget errorBudget(Collection<IncidentFact> facts, Collection<MaintenanceWindow> windows,
                                          SlaTarget target, Instant asOf) {
        int year = asOf.atZone(ZoneOffset.UTC).getYear();
        Instant from = yearStart(year);
        Instant to = yearStart(year + 1);
        List<Interval> maintenance = clipped(windows.stream().map(MaintenanceWindow::interval).toList(), from, to);
        Duration budget = target.allowedDowntime(Duration.between(from, to).minus(Interval.total(maintenance)));
        Duration spent = downtime(facts, maintenance, from, asOf);
        Duration remaining = budget.minus(spent);
        Map<String, Double> burn = new LinkedHashMap<>();
        BURN_WINDOWS.forEach((name, length) -> burn.put(name, burnRate(facts, windows, target, asOf, length)));
        return new ErrorBudget(year, budget, spent, remaining,
                budget.isZero() ? null : (double) remaining.toNanos() / budget.toNanos(), burn);
    }

    /** The downtime of the last {@code window} over what the target allows in it (its maintenance left out). */
    static Double burnRate(Collection<IncidentFact> facts, Collection<MaintenanceWindow> windows, SlaTarget target,
                           Instant asOf, Duration window) {
        Instant from = asOf.minus(window);
        List<Interval> maintenance = clipped(windows.stream().map(MaintenanceWindow::interval).toList(), from, asOf);
        return target.burnRate(downtime(facts, maintenance, from, asOf),
                window.minus(Interval.total(maintenance)));
    }

    /** The time in [from, to) at least one real incident had service lost, outside {@code maintenance}. */
    static Duration downtime(Collection<IncidentFact> facts, List<Interval> maintenance, Instant from, Instant to) {
        if (!from.isBefore(to)) {
            return Duration.ZERO;
        }
        return Interval.total(Interval.minus(
                outages(facts, from, to, List.of()).stream().map(Outage::interval).toList(), maintenance));
    }

    /** Each real incident's outage cut to [from, to), with its downtime outside {@code maintenance}; oldest first. */
    static List<Outage> outages(Collection<IncidentFact> facts, Instant from, Instant to, List<Interval> maintenance) {
        return facts.stream().filter(f -> !f.drill() && f.cancelledAt() == null)
                .filter(f -> IncidentRecovery.outageStart(f) != null)
                .map(f -> {
                    Interval cut = new Interval(IncidentRecovery.outageStart(f),
                            f.restoredAt() == null ? to : f.restoredAt()).clip(from, to);
                    return cut == null ? null : new Outage(f.incidentId(), f.scenario(), cut.from(), cut.to(),
                            f.restoredAt() != null && !f.restoredAt().isAfter(to),
                            Interval.total(Interval.minus(List.of(cut), maintenance)));
                })
                .filter(Objects::nonNull).sorted(java.util.Comparator.comparing(Outage::from)).toList();
    }

    private static Instant yearStart(int year) {
        return LocalDate.of(year, 1, 1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    private static List<Interval> clipped(List<Interval> intervals, Instant from, Instant to) {
        return intervals.stream().map(i -> i.clip(from, to)).filter(Objects::nonNull).toList();
    }

    private static Map<String, Duration> burnWindows() {
        Map<String, Duration> windows = new LinkedHashMap<>();
        windows.put("5m", Duration.ofMinutes(5));
        windows.put("1h", Duration.ofHours(1));
        windows.put("6h", Duration.ofHours(6));
        return java.util.Collections.unmodifiableMap(windows);
    }
}
