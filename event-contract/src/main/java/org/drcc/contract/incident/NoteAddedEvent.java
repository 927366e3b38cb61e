package org.drcc.contract.incident;

import com.fasterxml.jackson.annotation.JsonTypeName;
import java.time.Instant;
import org.drcc.contract.PersonalData;

/** A note on the timeline; a status update is one meant for stakeholders. */
@JsonTypeName("dr.incident.note-added.v1")
public record NoteAddedEvent(
        String incidentId,
        IncidentTargets targets,
        String text,
        boolean statusUpdate,
        @PersonalData String actor,
        Instant occurredAt) implements IncidentEvent {
}
