/**
 * The read side: the incident list ({@code incident-projection}), the audit log ({@code audit-log}) and the plan's
 * reviews ({@code plan-review-projection}, and the gauge of the overdue ones) projected
 * from the event store, and an incident's state at any instant replayed from its own events. Judges recovery
 * with recovery-rules; changes no incident.
 */
package org.drcc.incident.query;
