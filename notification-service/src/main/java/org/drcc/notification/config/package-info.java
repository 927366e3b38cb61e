/**
 * Wiring only: the settings records, the retry policy and clock beans, scheduling, the Axon error handlers that
 * never skip an event, and notification-service's rows of the kit's permission and personal-data tables.
 */
package org.drcc.notification.config;
