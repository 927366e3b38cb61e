package org.drcc.contract.audit;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import java.time.Instant;

/**
 * Every event the audit trail publishes about itself on {@code dr.audit.events}, e.g. the archive's store
 * not keeping the Object Lock asked for, or a scheduled verification of a copy of the archive. The {@code @JsonTypeName} of each record is its versioned
 * CloudEvents {@code type}; a breaking change gets a new record and a new version.
 */
@JsonSubTypes({
        @JsonSubTypes.Type(ArchiveRetentionNotHonouredEvent.class),
        @JsonSubTypes.Type(ArchiveRetentionHonouredEvent.class),
        @JsonSubTypes.Type(ArchiveVerifiedEvent.class),
        @JsonSubTypes.Type(ArchiveVerificationFailedEvent.class)
})
public sealed interface AuditEvent permits ArchiveRetentionNotHonouredEvent, ArchiveRetentionHonouredEvent,
        ArchiveVerifiedEvent, ArchiveVerificationFailedEvent {

    /** Who or what did it; {@code archiver} for the audit archiver. */
    String actor();

    Instant occurredAt();
}
