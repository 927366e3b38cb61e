/**
 * Kafka adapters only: the relay of stored backup events to {@code dr.backup.events}, and the listener of
 * {@code dr.incident.events} (once per event, through the kit's inbox) that hands each event to what decides:
 * the holds of open incidents, and the verification of the newest backups on containment.
 */
package org.drcc.backup.kafka;
