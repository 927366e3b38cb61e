package org.drcc.notification.command;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Schedules the messages one event (or one round, or one subscription) owes, each once: the one way the service
 * schedules a message (the incident policies, the owners' messages, the status page's fan-out and confirmations).
 * {@link ScheduleNotificationCommand} alone would read every message's history before creating it (Axon's
 * create-if-missing: two queries, empty for a new message); here one query asks the event store which of the
 * messages exist already, those are skipped (a repeat owes nothing), and the others are created without a read.
 * Two writers of the same message cannot both succeed: the event store's unique (aggregate, sequence) key refuses
 * the second, whose transaction rolls back, as with create-if-missing.
 */
@Component
public class OwedMessages {

    private final CommandGateway commands;
    private final JdbcClient jdbc;

    OwedMessages(CommandGateway commands, JdbcClient jdbc) {
        this.commands = commands;
        this.jdbc = jdbc;
    }

    /**
     * In the caller's transaction where there is one (the inbox's, or the one that stored the event it answers): the
     * messages then commit together. The scheduled rounds (the extended outages, the status page's fan-out) have none:
     * each message commits on its own, and one that another writer created meanwhile fails its append and is skipped
     * by the next round.
     */
    public void owe(List<ScheduleNotificationCommand> messages) {
        if (messages.isEmpty()) {
            return;
        }
        Set<String> scheduled = new HashSet<>(jdbc.sql(
                        "SELECT DISTINCT aggregateIdentifier FROM DomainEventEntry WHERE aggregateIdentifier IN (:ids)")
                .param("ids", messages.stream().map(ScheduleNotificationCommand::notificationId).toList())
                .query(String.class).list());
        for (ScheduleNotificationCommand message : messages) {
            if (scheduled.add(message.notificationId())) {
                commands.sendAndWait(new CreateNotificationCommand(message.notificationId(), message));
            }
        }
    }
}
