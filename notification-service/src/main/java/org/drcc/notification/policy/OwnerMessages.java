package org.drcc.notification.policy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.drcc.notification.command.Envelope;
import org.drcc.notification.command.NotificationId;
import org.drcc.notification.command.OwedMessages;
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
    private final OwedMessages owed;

    OwnerMessages(MessageTemplates templates, OwedMessages owed) {
        this.templates = templates;
        this.owed = owed;
    }

    void tell(List<CommunicationPlan.Audience> owners, String subject, String kind, String eventId,
              Map<String, Object> values, Instant at) {
        List<ScheduleNotificationCommand> messages = new ArrayList<>();
        for (CommunicationPlan.Audience audience : owners) {
            for (Contact contact : audience.contactsOrLog()) {
                Map<String, Object> text = new HashMap<>(values);
                text.put("audience", audience.name());
                text.put("tier", TIER);
                Rendered rendered = templates.render(kind, contact.channel().id(), text);
                messages.add(new ScheduleNotificationCommand(
                        NotificationId.of(eventId, audience.name(), contact.name()), subject, eventId,
                        new Envelope(subject, audience.name(), contact.name(), contact.channel().id(),
                                rendered.subject(), rendered.body()),
                        kind, TIER, null, at));
            }
        }
        owed.owe(messages);
    }
}
