/**
 * The read side: the incident list ({@code incident-projection}) and the audit log ({@code audit-log}) projected
 * from the event store, and an incident's state at any instant replayed from its own events. Judges recovery
 * with recovery-rules; changes no incident.
 */
package org.drcc.incident.query;
