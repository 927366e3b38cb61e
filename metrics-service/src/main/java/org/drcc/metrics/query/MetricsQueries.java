package org.drcc.metrics.query;

import java.time.Clock;
import java.util.Optional;
import org.drcc.metrics.figures.Figures;
import org.drcc.metrics.figures.IncidentRecovery;
import org.drcc.metrics.figures.Period;
import org.drcc.metrics.figures.PeriodFigures;
import org.springframework.stereotype.Service;

/** The figures, computed at each request from the facts by the pure definitions of {@link Figures}. */
@Service
public class MetricsQueries {

    private final IncidentFacts facts;
    private final Clock clock;

    MetricsQueries(IncidentFacts facts, Clock clock) {
        this.facts = facts;
        this.clock = clock;
    }

    public PeriodFigures figures(Period period) {
        return Figures.of(facts.declaredBetween(period.from(), period.to()), period, clock.instant());
    }

    public Optional<IncidentRecovery> recovery(String incidentId) {
        return facts.find(incidentId).map(f -> IncidentRecovery.of(f, clock.instant()));
    }
}
