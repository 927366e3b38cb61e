/**
 * Wiring only: the incident snapshot trigger, the relay's error handler that never skips an event, the plan and
 * clock beans, and incident-service's rows of the kit's permission, rate-limit and personal-data tables. No rule
 * and no adapter lives here.
 */
package org.drcc.incident.config;
