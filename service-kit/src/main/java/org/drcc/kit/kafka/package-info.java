/**
 * Contract events on Kafka as CloudEvents in binary mode: writing them as records, reading them back, and their
 * versioned types. Each service's relay and listeners use these; none of them lives here.
 */
package org.drcc.kit.kafka;
