package org.drcc.metrics.query;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.drcc.metrics.figures.BackupFigures;
import org.drcc.metrics.figures.BackupRules;
import org.drcc.metrics.figures.Figures;
import org.drcc.metrics.figures.IncidentRecovery;
import org.drcc.metrics.figures.Period;
import org.drcc.metrics.figures.PeriodFigures;
import org.drcc.metrics.figures.Rate;
import org.springframework.stereotype.Service;

/**
 * The figures, computed at each request from the facts by the pure definitions of {@link Figures} (incidents) and
 * {@link BackupRules} (backups and notifications).
 */
@Service
public class MetricsQueries {

    private final IncidentFacts facts;
    private final BackupFacts operations;
    private final Clock clock;

    MetricsQueries(IncidentFacts facts, BackupFacts operations, Clock clock) {
        this.facts = facts;
        this.operations = operations;
        this.clock = clock;
    }

    public PeriodFigures figures(Period period) {
        return Figures.of(facts.declaredBetween(period.from(), period.to()), period, clock.instant());
    }

    public Optional<IncidentRecovery> recovery(String incidentId) {
        return facts.find(incidentId).map(f -> IncidentRecovery.of(f, clock.instant()));
    }

    public BackupFigures backups(Period period) {
        var backups = operations.backups();
        return new BackupFigures(BackupRules.success(backups, period), BackupRules.verification(backups, period),
                BackupRules.newestGood(backups, operations.rpos(), clock.instant()));
    }

    public Map<String, Rate> notificationDeadlinesMet(Period period) {
        return BackupRules.deadlinesMet(operations.notifications(), period);
    }
}
