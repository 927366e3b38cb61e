package org.drcc.notification.policy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.drcc.contract.incident.IncidentDeclaredEvent;
import org.drcc.contract.incident.IncidentEvent;
import org.drcc.contract.incident.PhaseWindowBreachedEvent;
import org.drcc.contract.incident.Severity;
import org.drcc.contract.notification.NotificationEscalatedEvent;
import org.drcc.notification.command.Envelope;
import org.drcc.notification.command.NotificationId;
import org.drcc.notification.command.OwedMessages;
import org.drcc.notification.command.ScheduleNotificationCommand;
import org.drcc.notification.plan.CommunicationPlan;
import org.drcc.notification.plan.Contact;
import org.drcc.notification.plan.PlanInForce;
import org.drcc.notification.query.IncidentBrief;
import org.drcc.notification.query.IncidentBriefs;
import org.drcc.notification.template.MessageTemplates;
import org.drcc.notification.template.Rendered;
import org.springframework.stereotype.Component;

/**
 * Which messages an incident event owes: one per contact of every audience the incident concerns.
 * It reads the incident's brief, which the listener has projected from the same event first.
 * Only the declaration carries the tiers' deadlines; later messages are owed at once, without one.
 * Runs inside the inbox transaction, so the schedules commit with the processed-event record; an
 * escalation (a subscribing event handler) schedules in the transaction that stored it.
 */
@Component
@ProcessingGroup("escalation-policy")
public class NotificationPolicy {

    private static final String ESCALATION = "escalation";
    private static final String PHASE_WINDOW_BREACHED = "phase-window-breached";
    private static final String EXTENDED_OUTAGE = "extended-outage";

    private final PlanInForce plan;
    private final IncidentBriefs briefs;
    private final MessageTemplates templates;
    private final OwedMessages messages;

    NotificationPolicy(PlanInForce plan, IncidentBriefs briefs, MessageTemplates templates, OwedMessages messages) {
        this.plan = plan;
        this.briefs = briefs;
        this.templates = templates;
        this.messages = messages;
    }

    public void on(IncidentEvent event, String eventId) {
        if (event instanceof PhaseWindowBreachedEvent breach) {
            escalate(breach, eventId);
            return;
        }
        MessageKind.of(event).ifPresent(kind -> {
            IncidentBrief brief = briefs.find(event.incidentId()).orElseGet(() -> new IncidentBrief(
                    event.incidentId(), event.targets().scenarioId(), null, null,
                    String.valueOf(event.targets().rto()), null, event.targets().drill()));
            Map<String, Object> values = MessageValues.of(event, brief);
            List<ScheduleNotificationCommand> owed = new ArrayList<>();
            for (CommunicationPlan.Tier tier : plan.get().tiers()) {
                Instant dueAt = kind == MessageKind.DECLARATION ? clockStart(event).plus(tier.deadline()) : null;
                for (CommunicationPlan.Audience audience : tier.audiences()) {
                    if (audience.concerns(severity(brief), brief.scenarioId())
                            && audience.openLongEnough(openFor(brief, event.occurredAt(), kind))) {
                        for (Contact contact : audience.contactsOrLog()) {
                            owed.add(message(event.incidentId(), eventId, kind.id, tier.id(), audience.name(), contact,
                                    dueAt, event.occurredAt(), values));
                        }
                    }
                }
            }
            messages.owe(owed);
        });
    }

    /**
     * When the plan's communication clock starts ("Immediate (0-15 minutes)"): at the incident's detection, as its RTO
     * does (metrics-service's {@code IncidentRecovery}), not at its declaration. Declared 10 minutes after it was
     * detected, the immediate tier has 5 minutes left; a declaration without a detection time, or with one after
     * it, starts the clock at the declaration.
     */
    static Instant clockStart(IncidentEvent event) {
        return event instanceof IncidentDeclaredEvent declared && declared.detectedAt() != null
                && declared.detectedAt().isBefore(declared.occurredAt()) ? declared.detectedAt() : event.occurredAt();
    }

    /**
     * An escalation is told to the plan's escalation audiences, as messages of kind {@code escalation}
     * whose source is the escalation itself: one per contact, like any other.
     */
    @EventHandler
    void on(NotificationEscalatedEvent e) {
        IncidentBrief brief = briefs.find(e.incidentId()).orElseThrow(() ->
                new IllegalStateException("escalation of an incident never declared here: " + e.incidentId()));
        Map<String, Object> values = MessageValues.of(brief);
        values.put("escalatedTier", e.tier());
        values.put("after", e.after());
        List<ScheduleNotificationCommand> owed = new ArrayList<>();
        for (CommunicationPlan.Audience audience : plan.get().escalation().audiences()) {
            for (Contact contact : audience.contactsOrLog()) {
                owed.add(message(e.incidentId(), e.notificationId(), ESCALATION, "escalation", audience.name(), contact,
                        null, e.occurredAt(), values));
            }
        }
        messages.owe(owed);
    }

    /**
     * An audience told only of an extended outage gets one {@code extended-outage} message once the incident's outage
     * has gone on longer than its {@code openLongerThan}; its source is named for the incident and the audience, so
     * asking again (every round, every instance) schedules nothing new.
     */
    public void extendedOutage(IncidentBrief brief, String tier, CommunicationPlan.Audience audience, Instant now) {
        if (!audience.concerns(severity(brief), brief.scenarioId())) {
            return;
        }
        Map<String, Object> values = MessageValues.of(brief);
        values.put("openFor", Duration.between(brief.declaredAt(), now).withNanos(0));
        values.put("occurredAt", now);
        String source = "extended-outage:" + brief.incidentId() + ":" + audience.name();
        messages.owe(audience.contactsOrLog().stream().map(contact -> message(brief.incidentId(), source,
                EXTENDED_OUTAGE, tier, audience.name(), contact, null, now, values)).toList());
    }

    /** How long the incident has been open at {@code at}: zero for its declaration, unknown without a brief. */
    private static Duration openFor(IncidentBrief brief, Instant at, MessageKind kind) {
        if (kind == MessageKind.DECLARATION) {
            return Duration.ZERO;
        }
        return brief.declaredAt() == null ? null : Duration.between(brief.declaredAt(), at);
    }

    /**
     * A phase window that ended before the phase did goes to the DR lead's managers: the plan's escalation audiences,
     * as messages of kind {@code phase-window-breached} whose source is the breach event (once per contact).
     */
    private void escalate(PhaseWindowBreachedEvent breach, String eventId) {
        CommunicationPlan.Escalation escalation = plan.get().escalation();
        if (escalation == null) {
            return; // the plan names nobody to escalate to
        }
        IncidentBrief brief = briefs.find(breach.incidentId()).orElseGet(() -> new IncidentBrief(breach.incidentId(),
                breach.targets().scenarioId(), null, null, String.valueOf(breach.targets().rto()), null,
                breach.targets().drill()));
        Map<String, Object> values = MessageValues.of(breach, brief);
        values.put("phase", breach.phase().name());
        values.put("deadline", breach.deadline());
        values.put("drLead", briefs.drLead(breach.incidentId()).orElse("nobody yet"));
        List<ScheduleNotificationCommand> owed = new ArrayList<>();
        for (CommunicationPlan.Audience audience : escalation.audiences()) {
            for (Contact contact : audience.contactsOrLog()) {
                owed.add(message(breach.incidentId(), eventId, PHASE_WINDOW_BREACHED, ESCALATION, audience.name(),
                        contact, null, breach.occurredAt(), values));
            }
        }
        messages.owe(owed);
    }

    /** The message owed to {@code contact}, rendered now (from {@code values} as they are). */
    private ScheduleNotificationCommand message(String incidentId, String sourceId, String kind, String tier,
                                                String audience, Contact contact, Instant dueAt, Instant at,
                                                Map<String, Object> values) {
        values.put("audience", audience);
        values.put("tier", tier);
        values.put("dueAt", dueAt);
        Rendered text = templates.render(kind, contact.channel().id(), values);
        Envelope envelope = new Envelope(incidentId, audience, contact.name(), contact.channel().id(),
                text.subject(), text.body());
        return new ScheduleNotificationCommand(NotificationId.of(sourceId, audience, contact.name()),
                incidentId, sourceId, envelope, kind, tier, dueAt, at);
    }

    private static Severity severity(IncidentBrief brief) {
        return brief.severity() == null ? null : Severity.valueOf(brief.severity());
    }
}
