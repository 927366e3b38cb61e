package org.drcc.metrics.config;

import java.time.Clock;
import java.time.Instant;
import org.drcc.metrics.figures.Period;
import org.drcc.metrics.figures.PeriodFigures;
import org.drcc.metrics.query.MetricsQueries;
import org.springframework.stereotype.Component;

/**
 * The figures of the gauge window up to now, computed once per scrape rather than once per gauge: the
 * gauges of one scrape are read within milliseconds, so a result younger than a second is reused.
 */
@Component
class WindowFigures {

    private final MetricsQueries queries;
    private final MetricsProperties settings;
    private final Clock clock;
    private PeriodFigures last;

    WindowFigures(MetricsQueries queries, MetricsProperties settings, Clock clock) {
        this.queries = queries;
        this.settings = settings;
        this.clock = clock;
    }

    synchronized PeriodFigures current() {
        Instant now = clock.instant();
        if (last == null || last.asOf().plusSeconds(1).isBefore(now)) {
            last = queries.figures(new Period(now.minus(settings.gaugeWindow()), now));
        }
        return last;
    }
}
