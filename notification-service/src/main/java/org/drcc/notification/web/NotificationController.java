package org.drcc.notification.web;

import java.util.List;
import org.drcc.notification.config.CommunicationPlan;
import org.drcc.notification.query.NotificationDue;
import org.drcc.notification.query.NotificationPlanner;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
class NotificationController {

    private final NotificationPlanner planner;
    private final CommunicationPlan plan;

    NotificationController(NotificationPlanner planner, CommunicationPlan plan) {
        this.planner = planner;
        this.plan = plan;
    }

    /** The messages owed for an incident, with their deadlines; empty if its declaration has not arrived. */
    @GetMapping("/api/incidents/{incidentId}/notifications")
    List<NotificationDue> forIncident(@PathVariable String incidentId) {
        return planner.forIncident(incidentId);
    }

    @GetMapping("/api/plan")
    CommunicationPlan plan() {
        return plan;
    }
}
