package org.drcc.contract.privacy;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import java.time.Instant;

/**
 * Every event about personal data itself: today, that a person's data was erased ("forget this person",
 * GDPR Art. 17). The events never carry the person's name; they carry the pseudonymous subject id that
 * the encrypted fields of the person's events carry too.
 */
@JsonSubTypes({
        @JsonSubTypes.Type(PersonalDataErasedEvent.class)
})
public sealed interface PrivacyEvent permits PersonalDataErasedEvent {

    String erasureId();

    String actor();

    Instant occurredAt();
}
