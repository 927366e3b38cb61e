package org.drcc.notification.web;

import java.security.Principal;
import java.time.Clock;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.drcc.notification.command.AcknowledgeNotificationCommand;
import org.drcc.notification.policy.AcknowledgeRights;
import org.drcc.notification.query.Deliveries;
import org.drcc.notification.query.DeliveryView;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

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
    @GetMapping("/api/incidents/{incidentId}/notifications")
    List<DeliveryView> forIncident(@PathVariable String incidentId) {
        return deliveries.forIncident(incidentId);
    }

    /** Every alert owed to the owners of a database (RPO at risk, back within RPO, failed verification). */
    @GetMapping("/api/databases/{database}/notifications")
    List<DeliveryView> forDatabase(@PathVariable String database) {
        return deliveries.forIncident("database:" + database);
    }

    /** A member of the audience, or the incident's DR lead, confirms a sent message; a repeat changes nothing. */
    @PostMapping("/api/notifications/{notificationId}/acknowledge")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void acknowledge(@PathVariable String notificationId, Principal caller) {
        rights.check(notificationId, caller.getName());
        commands.sendAndWait(new AcknowledgeNotificationCommand(notificationId, caller.getName(), clock.instant()));
    }
}
