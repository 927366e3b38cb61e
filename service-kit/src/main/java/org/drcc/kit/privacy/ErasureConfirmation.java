package org.drcc.kit.privacy;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The confirmer names the person again, so that a confirmation cannot erase someone it did not mean. */
public record ErasureConfirmation(@NotBlank @Size(max = 320) String identifier) {
}
