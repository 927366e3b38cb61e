package org.drcc.kit.privacy;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Forget this person: their user name or address as it appears in events, and the request's reference. */
public record ErasureRequest(
        @NotBlank @Size(max = 320) String identifier,
        @NotBlank @Size(max = 500) String reason) {
}
