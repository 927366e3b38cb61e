package org.drcc.incident.command;

/**
 * Where a restore's backup id and restore point come from: {@code LINKED} to the {@code dr.backup.restored.v1}
 * event {@code sourceEventId} of restore {@code restoreId}, or {@code MANUAL}, vouched for by {@code vouchedBy}.
 */
public record RestoreEvidence(String kind, String restoreId, String database, String sourceEventId, String vouchedBy) {
}
