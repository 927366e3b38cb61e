package org.drcc.contract.privacy;

import com.fasterxml.jackson.annotation.JsonTypeName;
import java.time.Instant;

/**
 * Someone asked to erase a person's personal data; nothing is erased until a second person confirms
 * ({@link ErasureConfirmedEvent}). {@code actor}, the requester, is in clear on purpose: the operators of
 * an erasure are accountable for it, and their names must survive the erasure of anyone else.
 * {@code subjectId} is null when the person has no key (never named in an event, or already forgotten).
 */
@JsonTypeName("dr.privacy.erasure-requested.v1")
public record ErasureRequestedEvent(
        String erasureId,
        String service,
        String subjectId,
        String reason,
        String actor,
        Instant occurredAt) implements PrivacyEvent {
}
