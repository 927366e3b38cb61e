/**
 * incident-service: DR incidents run by the plan, as event-sourced aggregates whose events are the audit
 * trail. This package holds only the application class; the work is in the role packages ({@code web} takes
 * requests, {@code command} decides, {@code query} reads, {@code kafka} relays, {@code plan} is the plan as data).
 */
package org.drcc.incident;
