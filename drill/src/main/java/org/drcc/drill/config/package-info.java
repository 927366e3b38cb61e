/** Wiring: incident-service's client, the drill thread, the schedule, and the drills' rows of the host's tables. */
package org.drcc.drill.config;
