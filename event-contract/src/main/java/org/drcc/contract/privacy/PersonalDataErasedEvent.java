package org.drcc.contract.privacy;

import com.fasterxml.jackson.annotation.JsonTypeName;
import java.time.Instant;
import org.drcc.contract.PersonalData;

/**
 * One service erased a person's personal data: it overwrote the person's name or address in its read
 * models ({@code rowsScrubbed}) and, the first time, destroyed the person's key ({@code keyDestroyed}),
 * which leaves every encrypted field of the person's events unreadable while the hash chain over them
 * still verifies. {@code subjectId} is null when no key was left to destroy (already forgotten, or the
 * person never appeared in an event).
 */
@JsonTypeName("dr.privacy.personal-data-erased.v1")
public record PersonalDataErasedEvent(
        String erasureId,
        String service,
        String subjectId,
        boolean keyDestroyed,
        int rowsScrubbed,
        String reason,
        @PersonalData String actor,
        Instant occurredAt) implements PrivacyEvent {
}
