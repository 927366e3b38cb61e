package org.drcc.incident.command;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Add a note or a status update to the timeline. {@code expectedVersion}, when given, must be the incident's current version. */
public record AddNoteCommand(
        @TargetAggregateIdentifier String incidentId,
        @TargetAggregateVersion Long expectedVersion,
        String text,
        boolean statusUpdate,
        String actor,
        Instant requestedAt) {
}
