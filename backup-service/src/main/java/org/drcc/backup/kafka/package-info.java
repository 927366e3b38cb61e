/**
 * Kafka: the relay of stored backup events to {@code dr.backup.events}, and the listener of
 * {@code dr.incident.events} (once per event, through the kit's inbox) that holds backups for open incidents and
 * verifies the newest backups on containment ({@code ContainmentVerification}, which skips a drill's incident).
 */
package org.drcc.backup.kafka;
