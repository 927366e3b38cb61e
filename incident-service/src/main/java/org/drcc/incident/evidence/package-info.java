/**
 * Evidence from the rest of the suite: what backup-service and notification-service reported (their events, kept
 * as seen), which of their events proves which checklist deed ({@link org.drcc.incident.evidence.SuiteDeeds}), and
 * the restore evidence of an incident: linked to a {@code dr.backup.restored} event, or vouched for by a person.
 */
package org.drcc.incident.evidence;
