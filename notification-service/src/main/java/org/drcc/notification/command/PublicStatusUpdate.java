package org.drcc.notification.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.drcc.contract.notification.StatusUpdatePublishedEvent;

/**
 * One update a person published on the public status page. Published once and never changed: a correction is
 * another update. It is an aggregate so that what the public was told, by whom and when is an event in the
 * audit trail like every other message.
 */
@Aggregate
public class PublicStatusUpdate {

    @AggregateIdentifier
    private String updateId;

    protected PublicStatusUpdate() {
    }

    @CommandHandler
    public PublicStatusUpdate(PublishStatusUpdateCommand c) {
        String title = c.publicTitle() == null || c.publicTitle().isBlank() ? null : c.publicTitle().strip();
        apply(new StatusUpdatePublishedEvent(c.updateId(), c.incidentId(), c.text(), title, c.publishedBy(), c.at()));
    }

    @EventSourcingHandler
    void on(StatusUpdatePublishedEvent e) {
        this.updateId = e.notificationId();
    }
}
