package org.drcc.contract.incident;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import java.time.Instant;

/**
 * Every event of a DR incident. The {@code @JsonTypeName} of each record is its versioned CloudEvents
 * {@code type}; a breaking change gets a new record and a new version, never an edit in place.
 */
@JsonSubTypes({
        @JsonSubTypes.Type(IncidentDeclaredEvent.class)
})
public sealed interface IncidentEvent permits IncidentDeclaredEvent {

    String incidentId();

    String actor();

    Instant occurredAt();
}
