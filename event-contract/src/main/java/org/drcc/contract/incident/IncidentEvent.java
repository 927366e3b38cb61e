package org.drcc.contract.incident;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import java.time.Instant;

/**
 * Every event of a DR incident. The {@code @JsonTypeName} of each record is its versioned CloudEvents
 * {@code type}; a breaking change gets a new record and a new version, never an edit in place. Every
 * event names the acting person, its time and the incident's scenario targets, so a consumer can act
 * on it without calling back.
 */
@JsonSubTypes({
        @JsonSubTypes.Type(IncidentDeclaredEvent.class),
        @JsonSubTypes.Type(ChecklistAssignedEvent.class),
        @JsonSubTypes.Type(ChecklistItemCompletedEvent.class),
        @JsonSubTypes.Type(ChecklistItemWaivedEvent.class),
        @JsonSubTypes.Type(RoleAssignedEvent.class),
        @JsonSubTypes.Type(NoteAddedEvent.class),
        @JsonSubTypes.Type(SeverityChangedEvent.class),
        @JsonSubTypes.Type(IncidentAssessedEvent.class),
        @JsonSubTypes.Type(IncidentContainedEvent.class),
        @JsonSubTypes.Type(IncidentRestoredEvent.class),
        @JsonSubTypes.Type(ValidationFailedEvent.class),
        @JsonSubTypes.Type(IncidentValidatedEvent.class),
        @JsonSubTypes.Type(IncidentClosedEvent.class),
        @JsonSubTypes.Type(IncidentCancelledEvent.class),
        @JsonSubTypes.Type(RestoreEvidenceRecordedEvent.class),
        @JsonSubTypes.Type(ChecklistItemEvidencedEvent.class),
        @JsonSubTypes.Type(PhaseWindowsAssignedEvent.class),
        @JsonSubTypes.Type(PhaseWindowMetEvent.class),
        @JsonSubTypes.Type(PhaseWindowBreachedEvent.class)
})
public sealed interface IncidentEvent permits IncidentDeclaredEvent, ChecklistAssignedEvent,
        ChecklistItemCompletedEvent, ChecklistItemWaivedEvent, RoleAssignedEvent, NoteAddedEvent,
        SeverityChangedEvent, IncidentAssessedEvent, IncidentContainedEvent, IncidentRestoredEvent,
        ValidationFailedEvent, IncidentValidatedEvent, IncidentClosedEvent, IncidentCancelledEvent,
        RestoreEvidenceRecordedEvent, ChecklistItemEvidencedEvent, PhaseWindowsAssignedEvent, PhaseWindowMetEvent,
        PhaseWindowBreachedEvent {

    String incidentId();

    IncidentTargets targets();

    String actor();

    Instant occurredAt();
}
