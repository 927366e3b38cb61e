package org.drcc.incident.evidence;

import java.time.Clock;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.drcc.contract.notification.NotificationSentEvent;
import org.drcc.contract.notification.StatusUpdatePublishedEvent;
import org.drcc.incident.command.EvidenceChecklistItemCommand;
import org.drcc.incident.command.ItemProof;
import org.drcc.incident.plan.Plan;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A message that reached a person ticks the plan's "DR team notified" or "Stakeholders notified" item of its
 * incident, with the {@code dr.notification.sent} event as the evidence. One that only went to the log channel
 * ticks nothing: nobody was told. An update published on the public status page ticks "Status page updated".
 */
@Component
public class DeliveryTicks {

    static final String SENT_TYPE = "dr.notification.sent.v1";
    static final String PUBLISHED_TYPE = "dr.notification.status-update-published.v1";
    /** The actor of the ticks: this service, not a person. */
    static final String ACTOR = "incident-service";

    private final SeenEvents seen;
    private final Plan plan;
    private final CommandGateway commands;
    private final JdbcClient jdbc;
    private final Clock clock;

    DeliveryTicks(SeenEvents seen, Plan plan, CommandGateway commands, JdbcClient jdbc, Clock clock) {
        this.seen = seen;
        this.plan = plan;
        this.commands = commands;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public void sent(String eventId, NotificationSentEvent e) {
        seen.notification(e.notificationId()).ifPresent(n -> {
            String deed = SuiteDeeds.forDelivery(n.tier(), e.channel());
            if (deed == null || !incidentExists(n.incidentId())) {
                return;
            }
            plan.itemFor(deed).ifPresent(item -> commands.sendAndWait(new EvidenceChecklistItemCommand(n.incidentId(),
                    new ItemProof(item, deed, SENT_TYPE, eventId, n.kind() + " to " + n.audience() + " delivered through "
                            + e.channel() + " (attempt " + e.attempt() + ")"), ACTOR, clock.instant())));
        });
    }

    /** An update published on the public status page ticks "Status page updated", with its event as the evidence. */
    public void published(String eventId, StatusUpdatePublishedEvent e) {
        if (!incidentExists(e.incidentId())) {
            return;
        }
        plan.itemFor(SuiteDeeds.STATUS_PAGE_UPDATED).ifPresent(item -> commands.sendAndWait(
                new EvidenceChecklistItemCommand(e.incidentId(), new ItemProof(item, SuiteDeeds.STATUS_PAGE_UPDATED,
                        PUBLISHED_TYPE, eventId, "an update published on the public status page"), ACTOR,
                        clock.instant())));
    }

    /** An incident unknown here (another suite's, or a test's) is left alone rather than failing the consumer. */
    private boolean incidentExists(String incidentId) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM domainevententry WHERE aggregateidentifier = :id)")
                .param("id", incidentId).query(Boolean.class).single();
    }
}
