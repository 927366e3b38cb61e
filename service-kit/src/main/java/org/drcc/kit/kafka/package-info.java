/**
 * Contract events on Kafka as CloudEvents in binary mode: writing them as records, reading them back, and their
 * versioned types; the error handler every listener shares, which parks what cannot be processed on the
 * dead-letter topic with its reason ({@code DeadLetters}). Each service's relay and listeners use these; none of
 * them lives here.
 */
package org.drcc.kit.kafka;
