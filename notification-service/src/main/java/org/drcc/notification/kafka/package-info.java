/**
 * Kafka adapters: the listeners of {@code dr.incident.events} and {@code dr.backup.events}, which apply each event
 * once through the kit's inbox and hand it to the status board, the briefs and {@code policy}; and the relay of
 * stored notification events to {@code dr.notification.events}. What a message is owed is decided in {@code policy}.
 */
package org.drcc.notification.kafka;
