package org.drcc.metrics.gauges;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import org.drcc.metrics.figures.Period;
import org.drcc.metrics.figures.PeriodFigures;
import org.drcc.metrics.figures.Rate;
import org.drcc.metrics.query.IncidentFacts;
import org.drcc.metrics.query.MetricsQueries;
import org.springframework.stereotype.Component;

/**
 * Read from the projection at each scrape, so every instance reports the same figure. A figure
 * with no data is NaN, which Prometheus alert comparisons treat as false: no data never alerts.
 * The window's figures are computed once per scrape rather than once per gauge: the gauges of one
 * scrape are read within milliseconds, so a result younger than a second is reused.
 */
@Component
class IncidentGauges {

    private final MetricsQueries queries;
    private final GaugeSettings settings;
    private final Clock clock;
    private PeriodFigures last;

    IncidentGauges(MeterRegistry registry, IncidentFacts facts, MetricsQueries queries, GaugeSettings settings,
                   Clock clock) {
        this.queries = queries;
        this.settings = settings;
        this.clock = clock;
        Gauge.builder("dr.incidents.open", facts, f -> f.counts().open())
                .description("Real (non-drill) incidents declared and neither closed nor cancelled")
                .register(registry);
        Gauge.builder("dr.incidents.declared", facts, f -> f.counts().incidents())
                .description("Real (non-drill) incidents declared so far, false alarms excluded")
                .register(registry);
        String over = " of the incidents declared in the last " + settings.gaugeWindow().toDays() + " days";
        seconds(registry, "dr.mttr", "Mean time to recover" + over, PeriodFigures::mttr);
        seconds(registry, "dr.mtbf", "Mean time between real incidents" + over, PeriodFigures::mtbf);
        ratio(registry, "dr.rto.achievement", "Share of real incidents within RTO" + over,
                PeriodFigures::rtoAchievement);
        ratio(registry, "dr.rpo.achievement", "Share of real incidents within RPO" + over,
                PeriodFigures::rpoAchievement);
        ratio(registry, "dr.test.success", "Share of drills restored within RTO and RPO" + over,
                PeriodFigures::testSuccess);
    }

    private void seconds(MeterRegistry registry, String name, String description,
                         Function<PeriodFigures, Duration> figure) {
        gauge(registry, name, description, "seconds", f -> {
            Duration d = figure.apply(f);
            return d == null ? Double.NaN : d.toMillis() / 1000.0;
        });
    }

    private void ratio(MeterRegistry registry, String name, String description, Function<PeriodFigures, Rate> figure) {
        gauge(registry, name, description, "ratio", f -> OperationsGauges.ratio(figure.apply(f)));
    }

    private void gauge(MeterRegistry registry, String name, String description, String unit,
                       ToDoubleFunction<PeriodFigures> value) {
        Gauge.builder(name, this, g -> value.applyAsDouble(g.current())).description(description).baseUnit(unit)
                .register(registry);
    }

    synchronized PeriodFigures current() {
        Instant now = clock.instant();
        if (last == null || last.asOf().plusSeconds(1).isBefore(now)) {
            last = queries.figures(new Period(now.minus(settings.gaugeWindow()), now));
        }
        return last;
    }
}
