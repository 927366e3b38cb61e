package org.drcc.metrics.query;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.drcc.metrics.figures.BackupFigures;
import org.drcc.metrics.figures.Figures;
import org.drcc.metrics.figures.IncidentRecovery;
import org.drcc.metrics.figures.Period;
import org.drcc.metrics.figures.PeriodFigures;
import org.drcc.metrics.figures.Rate;
import org.drcc.metrics.figures.Sla;
import org.drcc.metrics.figures.SlaFigures;
import org.springframework.stereotype.Service;

/**
 * The figures, computed at each request from the facts by the pure definitions of {@link Figures} (incidents, and drills
 * for the test success) and {@link Sla} (the SLA and its error budget, from the outages and maintenance windows within
 * its reach); the backup and notification rates are counted in SQL by {@link BackupFacts}.
 */
@Service
public class MetricsQueries {

    private final IncidentFacts facts;
    private final BackupFacts operations;
    private final MaintenanceWindows maintenance;
    private final PlanSla sla;
    private final DrillFacts drills;
    private final Clock clock;

    MetricsQueries(IncidentFacts facts, BackupFacts operations, MaintenanceWindows maintenance, PlanSla sla,
                   DrillFacts drills, Clock clock) {
        this.facts = facts;
        this.operations = operations;
        this.maintenance = maintenance;
        this.sla = sla;
        this.drills = drills;
        this.clock = clock;
    }

    /**
     * The SLA over the period and the year's error budget, from the outages and maintenance windows within the SLA's
     * {@linkplain Sla#reach reach}, against the plan's SLA; empty until incident-service has stated it.
     */
    public Optional<SlaFigures> sla(Period period) {
        Instant now = clock.instant();
        Period reach = Sla.reach(period, now);
        return sla.target().map(target -> Sla.of(facts.outagesDuring(reach), maintenance.during(reach), period, target,
                now));
    }

    public PeriodFigures figures(Period period) {
        return Figures.of(facts.declaredOrDownDuring(period),
                drills.finishedBetween(period.from(), period.to()), period, clock.instant());
    }

    public Optional<IncidentRecovery> recovery(String incidentId) {
        return facts.find(incidentId).map(f -> IncidentRecovery.of(f, clock.instant()));
    }

    public BackupFigures backups(Period period) {
        return operations.figures(period, clock.instant());
    }

    public Map<String, Rate> notificationDeadlinesMet(Period period) {
        return operations.deadlinesMet(period);
    }
}
