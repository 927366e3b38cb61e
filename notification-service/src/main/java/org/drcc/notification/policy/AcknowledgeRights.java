package org.drcc.notification.policy;

import org.drcc.notification.plan.PlanInForce;
import org.drcc.notification.query.Deliveries;
import org.drcc.notification.query.DeliveryView;
import org.drcc.notification.query.IncidentBriefs;
import org.springframework.stereotype.Component;

/**
 * Who may acknowledge a message (OWASP API1, object-level authorization): an acknowledgement stops the
 * declaration's escalation for everyone, so only a member of the message's audience (its {@code members} in the
 * plan in force) or the person the incident names as its DR lead may give it. A role alone is not enough.
 */
@Component
public class AcknowledgeRights {

    private final Deliveries deliveries;
    private final PlanInForce plan;
    private final IncidentBriefs briefs;

    AcknowledgeRights(Deliveries deliveries, PlanInForce plan, IncidentBriefs briefs) {
        this.deliveries = deliveries;
        this.plan = plan;
        this.briefs = briefs;
    }

    /** Refuses ({@link AcknowledgeRefusedException}) a caller who may not; an unknown message is left to the command. */
    public void check(String notificationId, String caller) {
        DeliveryView delivery = deliveries.find(notificationId).orElse(null);
        if (delivery == null || plan.get().isMember(delivery.audience(), caller)
                || briefs.drLead(delivery.incidentId()).filter(caller::equals).isPresent()) {
            return;
        }
        throw new AcknowledgeRefusedException("only a member of " + delivery.audience()
                + " (its members in the communication plan) or the incident's DR lead may acknowledge notification "
                + notificationId + "; " + caller + " is neither. Ask the DR lead to add you to the audience's members"
                + " (PUT /api/plan/audiences/{name}) or to assign you the DR lead role");
    }
}
