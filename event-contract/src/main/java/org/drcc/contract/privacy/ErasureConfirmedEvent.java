package org.drcc.contract.privacy;

import com.fasterxml.jackson.annotation.JsonTypeName;
import java.time.Instant;

/**
 * A second person confirmed a requested erasure (four eyes): from now on each service erases its part
 * ({@link PersonalDataErasedEvent}, same {@code erasureId}). Both the requester and {@code actor}, the
 * confirmer, are in clear on purpose: they are the accountable operators of the erasure.
 */
@JsonTypeName("dr.privacy.erasure-confirmed.v1")
public record ErasureConfirmedEvent(
        String erasureId,
        String service,
        String subjectId,
        String requestedBy,
        String actor,
        Instant occurredAt) implements PrivacyEvent {
}
