package org.drcc.metrics.config;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import org.drcc.metrics.figures.PeriodFigures;
import org.drcc.metrics.figures.Rate;
import org.drcc.metrics.query.IncidentFacts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration
@EnableConfigurationProperties(MetricsProperties.class)
class MetricsConfig {

    /**
     * Read from the projection at each scrape, so every instance reports the same figure. A figure
     * with no data is NaN, which Prometheus alert comparisons treat as false: no data never alerts.
     */
    @Autowired
    void gauges(MeterRegistry registry, IncidentFacts facts, WindowFigures window, MetricsProperties settings) {
        Gauge.builder("dr.incidents.open", facts, f -> f.counts().open())
                .description("Real (non-drill) incidents declared and neither closed nor cancelled")
                .register(registry);
        Gauge.builder("dr.incidents.declared", facts, f -> f.counts().incidents())
                .description("Real (non-drill) incidents declared so far, false alarms excluded")
                .register(registry);
        String over = " of the incidents declared in the last " + settings.gaugeWindow().toDays() + " days";
        seconds(registry, window, "dr.mttr", "Mean time to recover" + over, PeriodFigures::mttr);
        seconds(registry, window, "dr.mtbf", "Mean time between real incidents" + over, PeriodFigures::mtbf);
        ratio(registry, window, "dr.rto.achievement", "Share of real incidents within RTO" + over,
                PeriodFigures::rtoAchievement);
        ratio(registry, window, "dr.rpo.achievement", "Share of real incidents within RPO" + over,
                PeriodFigures::rpoAchievement);
        ratio(registry, window, "dr.test.success", "Share of drills restored within RTO and RPO" + over,
                PeriodFigures::testSuccess);
    }

    private static void seconds(MeterRegistry registry, WindowFigures window, String name, String description,
                                Function<PeriodFigures, Duration> figure) {
        gauge(registry, window, name, description, "seconds", f -> {
            Duration d = figure.apply(f);
            return d == null ? Double.NaN : d.toMillis() / 1000.0;
        });
    }

    private static void ratio(MeterRegistry registry, WindowFigures window, String name, String description,
                              Function<PeriodFigures, Rate> figure) {
        gauge(registry, window, name, description, "ratio", f -> {
            Double ratio = figure.apply(f).ratio();
            return ratio == null ? Double.NaN : ratio;
        });
    }

    private static void gauge(MeterRegistry registry, WindowFigures window, String name, String description,
                              String unit, ToDoubleFunction<PeriodFigures> value) {
        Gauge.builder(name, window, w -> value.applyAsDouble(w.current())).description(description).baseUnit(unit)
                .register(registry);
    }
}
