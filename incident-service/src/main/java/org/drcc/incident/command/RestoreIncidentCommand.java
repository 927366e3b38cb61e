package org.drcc.incident.command;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Record the restore that brought service back: the backup used and its restore point. {@code expectedVersion}, when given, must be the incident's current version. */
public record RestoreIncidentCommand(
        @TargetAggregateIdentifier String incidentId,
        @TargetAggregateVersion Long expectedVersion,
        String backupId,
        Instant restorePoint,
        String summary,
        String actor,
        Instant requestedAt) {
}
