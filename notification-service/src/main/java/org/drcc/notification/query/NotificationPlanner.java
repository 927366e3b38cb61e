package org.drcc.notification.query;

import java.sql.Timestamp;
import java.util.List;
import org.drcc.contract.incident.IncidentDeclaredEvent;
import org.drcc.notification.config.CommunicationPlan;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Turns a declaration into the messages the plan owes, each tier with its deadline. */
@Service
public class NotificationPlanner {

    static final String DECLARATION = "incident-declaration";

    private final CommunicationPlan plan;
    private final JdbcClient jdbc;

    NotificationPlanner(CommunicationPlan plan, JdbcClient jdbc) {
        this.plan = plan;
        this.jdbc = jdbc;
    }

    public void planDeclaration(IncidentDeclaredEvent event) {
        for (CommunicationPlan.Tier tier : plan.tiers()) {
            for (CommunicationPlan.Audience audience : tier.audiences()) {
                if (audience.concerns(event.severity(), event.scenarioId())) {
                    jdbc.sql("INSERT INTO notification_due (incident_id, tier, audience, reason, due_at, status) "
                                    + "VALUES (?, ?, ?, ?, ?, 'PENDING')")
                            .params(event.incidentId(), tier.id(), audience.name(), DECLARATION,
                                    Timestamp.from(event.occurredAt().plus(tier.deadline())))
                            .update();
                }
            }
        }
    }

    public List<NotificationDue> forIncident(String incidentId) {
        return jdbc.sql("SELECT incident_id, tier, audience, reason, due_at, status FROM notification_due "
                        + "WHERE incident_id = ? ORDER BY due_at, audience")
                .param(incidentId).query(NotificationDue.class).list();
    }
}
