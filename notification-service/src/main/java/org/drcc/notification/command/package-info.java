/**
 * The {@code Notification} aggregate (one message to one contact: scheduled once, claimed before each attempt,
 * sent at most once, retried, failed; its deadline met or breached) and the {@code Escalation} aggregate (at
 * most once per declaration), with their commands. Knows no web and no Kafka adapter (a house rule).
 */
package org.drcc.notification.command;
