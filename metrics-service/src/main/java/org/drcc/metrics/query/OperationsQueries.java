package org.drcc.metrics.query;

import java.time.Clock;
import java.util.Map;
import org.drcc.metrics.figures.BackupFigures;
import org.drcc.metrics.figures.BackupRules;
import org.drcc.metrics.figures.Period;
import org.drcc.metrics.figures.Rate;
import org.springframework.stereotype.Service;

/** The backup and notification figures, computed from their facts at each request. */
@Service
public class OperationsQueries {

    private final BackupFacts facts;
    private final Clock clock;

    OperationsQueries(BackupFacts facts, Clock clock) {
        this.facts = facts;
        this.clock = clock;
    }

    public BackupFigures backups(Period period) {
        var backups = facts.backups();
        return new BackupFigures(BackupRules.success(backups, period), BackupRules.verification(backups, period),
                BackupRules.newestGood(backups, facts.rpos(), clock.instant()));
    }

    public Map<String, Rate> notificationDeadlinesMet(Period period) {
        return BackupRules.deadlinesMet(facts.notifications(), period);
    }
}
