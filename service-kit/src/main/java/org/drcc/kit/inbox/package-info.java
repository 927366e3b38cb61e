/**
 * The idempotent consumer: a side effect runs in the transaction that records its event id as processed
 * ({@code processed_event}), so an event Kafka redelivers is acted on once.
 */
package org.drcc.kit.inbox;
