package org.drcc.notification.plan;

import java.util.Map;
import org.springframework.boot.actuate.info.Info;
import org.springframework.boot.actuate.info.InfoContributor;
import org.springframework.stereotype.Component;

/**
 * The communication plan's check on {@code /actuator/info} ({@code communicationPlan}): the revision in force and its
 * warnings (each audience whose messages reach nobody), as the start-up log and {@code GET /api/plan} say them. A plan
 * that contradicts itself (PlanRules) never gets here: it stops the start, or is refused whole through the API.
 */
@Component
class PlanInfo implements InfoContributor {

    private final PlanInForce plan;

    PlanInfo(PlanInForce plan) {
        this.plan = plan;
    }

    @Override
    public void contribute(Info.Builder info) {
        info.withDetail("communicationPlan", Map.of("revision", plan.revisionNumber(), "warnings", plan.get().warnings()));
    }
}
