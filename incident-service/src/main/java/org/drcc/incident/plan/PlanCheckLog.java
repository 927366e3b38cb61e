package org.drcc.incident.plan;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** At start, one warning per contradiction in the plan: the service runs the plan anyway, but says what cannot hold. */
@Component
class PlanCheckLog {

    private static final Logger log = LoggerFactory.getLogger(PlanCheckLog.class);

    private final Plan plan;

    PlanCheckLog(Plan plan) {
        this.plan = plan;
    }

    @EventListener(ApplicationReadyEvent.class)
    void warn() {
        var findings = PlanCheck.check(plan);
        findings.forEach(f -> log.warn("The DR plan contradicts itself ({}, {}): {}", f.rule(), f.subject(), f.message()));
        if (!findings.isEmpty()) {
            log.warn("The DR plan has {} contradictions: GET /api/plan/check or dr plan check lists them", findings.size());
        }
    }
}
