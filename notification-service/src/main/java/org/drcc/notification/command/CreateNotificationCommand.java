package org.drcc.notification.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Owe a message that its caller found not yet scheduled ({@link OwedMessages}): the aggregate is created without its
 * (empty) history being read first. Should it exist after all, the append fails and the caller's transaction rolls back.
 */
record CreateNotificationCommand(@TargetAggregateIdentifier String notificationId, ScheduleNotificationCommand schedule) {
}
