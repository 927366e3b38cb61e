package org.drcc.incident.plan;

import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.actuate.info.Info;
import org.springframework.boot.actuate.info.InfoContributor;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The plan check at start: one warning per contradiction in the plan, and the same list under {@code planCheck} of
 * {@code /actuator/info}. The service runs the plan anyway (a contradiction is for the plan's owners to resolve, not a
 * reason to leave an incident unmanaged), but says what cannot hold.
 */
@Component
class PlanCheckLog implements InfoContributor {

    private static final Logger log = LoggerFactory.getLogger(PlanCheckLog.class);

    private final List<PlanCheck.Finding> findings;

    PlanCheckLog(Plan plan) {
        this.findings = PlanCheck.check(plan);
    }

    @EventListener(ApplicationReadyEvent.class)
    void warn() {
        findings.forEach(f -> log.warn("The DR plan contradicts itself ({}, {}): {}", f.rule(), f.subject(), f.message()));
        if (!findings.isEmpty()) {
            log.warn("The DR plan has {} contradictions: GET /api/plan/check or dr plan check lists them", findings.size());
        }
    }

    @Override
    public void contribute(Info.Builder info) {
        info.withDetail("planCheck", Map.of("contradictions", findings.size(), "findings", findings));
    }
}
