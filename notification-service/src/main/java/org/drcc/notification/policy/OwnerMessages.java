package org.drcc.notification.policy;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.drcc.notification.command.Envelope;
import org.drcc.notification.command.NotificationId;
import org.drcc.notification.command.ScheduleNotificationCommand;
import org.drcc.notification.plan.CommunicationPlan;
import org.drcc.notification.plan.Contact;
import org.drcc.notification.template.MessageTemplates;
import org.drcc.notification.template.Rendered;
import org.springframework.stereotype.Component;

/**
 * One message of {@code kind} to every contact of some owners (a database's, the plan's), outside any incident: kept
 * under {@code subject}, tier {@value #TIER}, no deadline, its id derived from the source event's, so a redelivered
 * event tells each contact once. The one copy of what the backup alerts and the review reminders share.
 */
@Component
class OwnerMessages {

    static final String TIER = "owners";

    private final MessageTemplates templates;
    private final CommandGateway commands;

    OwnerMessages(MessageTemplates templates, CommandGateway commands) {
        this.templates = templates;
        this.commands = commands;
    }

    void tell(List<CommunicationPlan.Audience> owners, String subject, String kind, String eventId,
              Map<String, Object> values, Instant at) {
        for (CommunicationPlan.Audience audience : owners) {
            for (Contact contact : audience.contactsOrLog()) {
                Map<String, Object> text = new HashMap<>(values);
                text.put("audience", audience.name());
                text.put("tier", TIER);
                Rendered rendered = templates.render(kind, contact.channel().id(), text);
                commands.sendAndWait(new ScheduleNotificationCommand(
                        NotificationId.of(eventId, audience.name(), contact.name()), subject, eventId,
                        new Envelope(subject, audience.name(), contact.name(), contact.channel().id(),
                                rendered.subject(), rendered.body()),
                        kind, TIER, null, at));
            }
        }
    }
}
