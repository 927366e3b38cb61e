/**
 * The kit's shared wiring, auto-configured in every service: CloudEvents records, the inbox, the contract topics
 * and their dead-letter topics, the Kafka error handler that parks unreadable records and retries the rest,
 * problem+json, and the defaults every service shares. It knows no service: a service adds only its domain.
 */
package org.drcc.kit.config;
