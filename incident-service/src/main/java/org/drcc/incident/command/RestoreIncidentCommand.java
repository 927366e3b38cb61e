package org.drcc.incident.command;

import java.time.Instant;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/**
 * Record the restore that brought service back: the backup used and its restore point. {@code evidence}: where they
 * come from (a backup-service restore, or a person vouching), null when no backup was used; {@code proofs}: the
 * checklist items the linked restore itself proves. {@code expectedVersion}, when given, must be the incident's
 * current version.
 */
public record RestoreIncidentCommand(
        @TargetAggregateIdentifier String incidentId,
        @TargetAggregateVersion Long expectedVersion,
        String backupId,
        Instant restorePoint,
        String summary,
        RestoreEvidence evidence,
        List<ItemProof> proofs,
        String actor,
        Instant requestedAt) {

    public RestoreIncidentCommand {
        proofs = proofs == null ? List.of() : List.copyOf(proofs);
    }
}
