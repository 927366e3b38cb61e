package org.drcc.metrics.gauges;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Objects;
import java.util.function.ToDoubleFunction;
import org.drcc.metrics.figures.BackupFigures;
import org.drcc.metrics.figures.NewestGoodBackup;
import org.drcc.metrics.figures.Period;
import org.drcc.metrics.figures.PeriodFigures;
import org.drcc.metrics.figures.Rate;
import org.drcc.metrics.figures.Sla;
import org.drcc.metrics.figures.SlaFigures;
import org.drcc.metrics.query.BackupFacts;
import org.drcc.metrics.query.IncidentCounts;
import org.drcc.metrics.query.IncidentFacts;
import org.drcc.metrics.query.MetricsQueries;
import org.drcc.metrics.query.ProjectedLabel;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Read from the projection at each scrape, so every instance reports the same figure. A figure
 * with no data is NaN, which Prometheus alert comparisons treat as false: no data never alerts.
 * The figures, counts included, are read once per scrape rather than once per gauge: the gauges of one
 * scrape are read within milliseconds, so what was read less than a second ago is reused (a second
 * from the end of the read, so a slow read still serves the whole scrape). A gauge labelled
 * by database or tier is registered when the projection first sees it, and at start-up for those
 * already in the facts.
 */
@Component
class MetricsGauges {

    private final MeterRegistry registry;
    private final MetricsQueries queries;
    private final IncidentFacts incidents;
    private final BackupFacts facts;
    private final GaugeSettings settings;
    private final Clock clock;
    private Figures last;

    private record Figures(Instant reusableUntil, IncidentCounts counts, PeriodFigures incidents, BackupFigures backups,
                           Map<String, Rate> deadlines, SlaFigures sla) {
    }

    MetricsGauges(MeterRegistry registry, MetricsQueries queries, IncidentFacts incidents, BackupFacts facts,
                  GaugeSettings settings, Clock clock) {
        this.registry = registry;
        this.queries = queries;
        this.incidents = incidents;
        this.facts = facts;
        this.settings = settings;
        this.clock = clock;
        gauge("dr.incidents.open", "Real (non-drill) incidents declared and neither closed nor cancelled", null,
                f -> f.counts().open());
        gauge("dr.incidents.declared", "Real (non-drill) incidents declared so far, false alarms excluded", null,
                f -> f.counts().incidents());
        String declared = " of the incidents declared in the last " + settings.gaugeWindow().toDays() + " days";
        gauge("dr.mttr", "Mean time to recover" + declared, "seconds", f -> seconds(f.incidents().mttr()));
        gauge("dr.mtbf", "Mean time between real incidents" + declared, "seconds", f -> seconds(f.incidents().mtbf()));
        gauge("dr.rto.achievement", "Share of real incidents within RTO" + declared, "ratio",
                f -> ratio(f.incidents().rtoAchievement()));
        gauge("dr.rpo.achievement", "Share of real incidents within RPO" + declared, "ratio",
                f -> ratio(f.incidents().rpoAchievement()));
        gauge("dr.test.success", "Drills passed / drills finished in the last " + settings.gaugeWindow().toDays()
                        + " days, from the drills' own outcomes", "ratio",
                f -> ratio(f.incidents().testSuccess()));
        String over = " of the backups started in the last " + settings.gaugeWindow().toDays() + " days";
        gauge("dr.backup.success", "Completed / (completed + failed)" + over, "ratio",
                f -> ratio(f.backups().success()));
        gauge("dr.backup.verification", "Verified / (verified + verification failed)" + over, "ratio",
                f -> ratio(f.backups().verification()));
        slaGauges();
    }

    @EventListener(ApplicationReadyEvent.class)
    void registerKnown() {
        facts.databases().forEach(this::database);
        facts.tiers().forEach(this::tier);
    }

    @EventListener
    void seen(ProjectedLabel label) {
        if (label instanceof ProjectedLabel.Database d) {
            database(d.name());
        } else if (label instanceof ProjectedLabel.Tier t) {
            tier(t.name());
        }
    }

    private void database(String database) {
        Gauge.builder("dr.newest.good.backup.age", this, g -> newest(g.current(), database,
                        n -> n.age() == null ? Double.NaN : n.age().toMillis() / 1000.0))
                .description("Age now of the database's newest good backup (completed, verified by restore, "
                        + "not expired); NaN: none")
                .baseUnit("seconds").tag("database", database).register(registry);
        Gauge.builder("dr.backup.rpo", this, g -> newest(g.current(), database,
                        n -> n.rpo() == null ? Double.NaN : n.rpo().toSeconds()))
                .description("The database's RPO, from its latest RpoAtRisk event; NaN: unknown")
                .baseUnit("seconds").tag("database", database).register(registry);
    }

    private void tier(String tier) {
        Gauge.builder("dr.notification.deadline.met", this, g -> {
                    Rate rate = g.current().deadlines().get(tier);
                    return rate == null ? Double.NaN : ratio(rate);
                })
                .description("Deadline met / (met + breached) of the tier's notifications due in the last "
                        + settings.gaugeWindow().toDays() + " days")
                .baseUnit("ratio").tag("tier", tier).register(registry);
    }

    /**
     * The SLA of the calendar year so far (UTC), planned maintenance left out, and its error budget; all NaN until
     * incident-service has stated the plan's SLA.
     */
    private void slaGauges() {
        slaGauge("dr.sla.availability", "Availability this year so far, planned maintenance excluded (NaN: none measured)",
                "ratio", sla -> orNaN(sla.period().availability()));
        slaGauge("dr.sla.availability.target", "The plan's SLA availability target", "ratio", SlaFigures::target);
        slaGauge("dr.sla.error.budget", "Downtime the SLA allows this calendar year, its planned maintenance excluded",
                "seconds", sla -> seconds(sla.errorBudget().budget()));
        slaGauge("dr.sla.error.budget.remaining", "Error budget left this year: budget minus downtime so far (negative: "
                + "overspent)", "seconds", sla -> seconds(sla.errorBudget().remaining()));
        Sla.BURN_WINDOWS.keySet().forEach(window -> Gauge.builder("dr.sla.error.budget.burn.rate", this,
                        g -> g.current().sla() == null ? Double.NaN
                                : orNaN(g.current().sla().errorBudget().burnRates().get(window)))
                .description("Downtime of the last window over what the SLA allows in it (1: the budget lasts the "
                        + "year exactly; NaN: the window was all maintenance)")
                .tag("window", window).register(registry));
    }

    private void gauge(String name, String description, String unit, ToDoubleFunction<Figures> value) {
        Gauge.builder(name, this, g -> value.applyAsDouble(g.current())).description(description).baseUnit(unit)
                .register(registry);
    }

    private void slaGauge(String name, String description, String unit, ToDoubleFunction<SlaFigures> value) {
        Gauge.builder(name, this, g -> g.current().sla() == null ? Double.NaN : value.applyAsDouble(g.current().sla()))
                .description(description).baseUnit(unit).register(registry);
    }

    synchronized Figures current() {
        Instant now = clock.instant();
        if (last == null || !now.isBefore(last.reusableUntil())) {
            Period window = new Period(now.minus(settings.gaugeWindow()), now.plusMillis(1));
            IncidentCounts counts = incidents.counts();
            PeriodFigures figures = queries.figures(new Period(now.minus(settings.gaugeWindow()), now));
            BackupFigures backups = queries.backups(window);
            Map<String, Rate> deadlines = queries.notificationDeadlinesMet(window);
            SlaFigures sla = queries.sla(new Period(yearStart(now), now.plusMillis(1))).orElse(null);
            last = new Figures(clock.instant().plusSeconds(1), counts, figures, backups, deadlines, sla);
        }
        return last;
    }

    private static double newest(Figures f, String database, ToDoubleFunction<NewestGoodBackup> value) {
        return f.backups().newestGood().stream().filter(n -> Objects.equals(n.database(), database))
                .mapToDouble(value).findFirst().orElse(Double.NaN);
    }

    private static Instant yearStart(Instant now) {
        return LocalDate.ofInstant(now, ZoneOffset.UTC).withDayOfYear(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    private static double orNaN(Double value) {
        return value == null ? Double.NaN : value;
    }

    private static double ratio(Rate rate) {
        return rate.ratio() == null ? Double.NaN : rate.ratio();
    }

    private static double seconds(Duration d) {
        return d == null ? Double.NaN : d.toMillis() / 1000.0;
    }
}
