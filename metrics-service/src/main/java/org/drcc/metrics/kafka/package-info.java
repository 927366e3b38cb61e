/**
 * Kafka adapters: the listener of {@code dr.incident.events}, {@code dr.backup.events},
 * {@code dr.notification.events}, {@code dr.plan.events} and {@code dr.drill.events}, and the replay that rebuilds the facts from the beginning of those topics (on
 * request, or at start-up when the projection changed). Both apply each record once through the kit's inbox.
 */
package org.drcc.metrics.kafka;
