package org.drcc.incident.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A change that needs a reason (cancel, waive). */
public record ReasonRequest(@NotBlank @Size(max = 4000) String reason) {
}
