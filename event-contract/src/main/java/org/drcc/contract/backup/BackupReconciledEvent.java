package org.drcc.contract.backup;

import com.fasterxml.jackson.annotation.JsonTypeName;
import java.time.Instant;
import org.drcc.contract.PersonalData;

/**
 * A backup recorded as RUNNING when this service started (its own database was restored from a dump taken while that
 * backup ran, or the service stopped between storing the dump and recording it) was found complete in a tier: its
 * catalogue object ({@code bucket}/{@code catalogObject}) describes it, and its dump reads with the catalogue's
 * SHA-256 ({@code sha256}). What the catalogue recorded follows as the usual events (completed, the copies it lists,
 * its verification {@code verification}), instead of a failure. {@code actor}: the service, at its start.
 */
@JsonTypeName("dr.backup.reconciled.v1")
public record BackupReconciledEvent(
        String backupId,
        String database,
        String tier,
        String bucket,
        String catalogObject,
        String sha256,
        String verification,
        @PersonalData String actor,
        Instant occurredAt) implements BackupEvent {
}
