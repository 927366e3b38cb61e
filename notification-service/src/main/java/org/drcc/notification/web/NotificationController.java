package org.drcc.notification.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Size;
import java.security.Principal;
import java.time.Clock;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.drcc.notification.command.AcknowledgeNotificationCommand;
import org.drcc.notification.policy.AcknowledgeRights;
import org.drcc.notification.query.DeadlineCount;
import org.drcc.notification.query.Deliveries;
import org.drcc.notification.query.DeliveryView;
import org.springframework.http.HttpStatus;
import org.drcc.notification.policy.ReviewReminderPolicy;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "notifications", description = "Who was told what, through which channel, by when; acknowledge a message")
@RestController
class NotificationController {

    private final Deliveries deliveries;
    private final CommandGateway commands;
    private final Clock clock;
    private final AcknowledgeRights rights;

    NotificationController(Deliveries deliveries, CommandGateway commands, Clock clock, AcknowledgeRights rights) {
        this.rights = rights;
        this.deliveries = deliveries;
        this.commands = commands;
        this.clock = clock;
    }

    /** Every message owed for an incident, to whom, through which channel, and how it went. */
    @Operation(summary = "The notifications of an incident: recipients, channels, deadlines, status")
    @GetMapping("/api/incidents/{incidentId}/notifications")
    List<DeliveryView> forIncident(@PathVariable String incidentId) {
        return deliveries.forIncident(incidentId);
    }

    /** The deadlines of several incidents in one answer: how the board shows every open incident's. */
    @Operation(summary = "The deadlines of up to 200 incidents: met, breached, still due",
            description = "One entry per incident asked (incident=ID, repeated), in the order asked; an incident with "
                    + "no message owed counts nothing. nextDue is the nearest deadline still due.")
    @GetMapping("/api/notifications/deadlines")
    List<DeadlineCount> deadlines(@RequestParam("incident") @Size(min = 1, max = 200) List<String> incidents) {
        return deliveries.deadlines(incidents);
    }

    /** Every alert owed to the owners of a database (RPO at risk, back within RPO, failed verification). */
    @Operation(summary = "The backup alerts of a database to its owners")
    @GetMapping("/api/databases/{database}/notifications")
    List<DeliveryView> forDatabase(@PathVariable String database) {
        return deliveries.forIncident("database:" + database);
    }

    /** Every reminder owed to the plan's owners of a review the plan's schedule owes. */
    @Operation(summary = "The review reminders to the plan's owners")
    @GetMapping("/api/plan/reviews/notifications")
    List<DeliveryView> forPlanReviews() {
        return deliveries.forIncident(ReviewReminderPolicy.SUBJECT);
    }

    /** A member of the audience, or the incident's DR lead, confirms a sent message; a repeat changes nothing. */
    @Operation(summary = "Acknowledge a notification: stops its escalation", description = "By a member of the audience or the incident's DR lead; a repeat changes nothing.")
    @PostMapping("/api/notifications/{notificationId}/acknowledge")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void acknowledge(@PathVariable String notificationId, Principal caller) {
        rights.check(notificationId, caller.getName());
        commands.sendAndWait(new AcknowledgeNotificationCommand(notificationId, caller.getName(), clock.instant()));
    }
}
