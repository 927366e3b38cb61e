package org.drcc.contract.privacy;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import java.time.Instant;

/**
 * Every event about personal data itself: an erasure ("forget this person", GDPR Art. 17) requested by one
 * person, confirmed by a second, and each service's part of it done. The events never carry the erased
 * person's name; they carry the pseudonymous subject id that the encrypted fields of the person's events
 * carry too.
 */
@JsonSubTypes({
        @JsonSubTypes.Type(PersonalDataErasedEvent.class),
        @JsonSubTypes.Type(ErasureRequestedEvent.class),
        @JsonSubTypes.Type(ErasureConfirmedEvent.class)
})
public sealed interface PrivacyEvent permits PersonalDataErasedEvent, ErasureRequestedEvent, ErasureConfirmedEvent {

    String erasureId();

    String actor();

    Instant occurredAt();
}
