/**
 * notification-service's events on {@code dr.notification.events} (sealed {@code NotificationEvent}): a message
 * scheduled, sent, retried, failed, acknowledged, its deadline met or breached, and an escalation. Each record's
 * {@code @JsonTypeName} is its versioned CloudEvents type.
 */
package org.drcc.contract.notification;
