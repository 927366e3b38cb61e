package org.drcc.incident.web;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The result of validating the restore. */
public record ValidateRequest(@NotNull Boolean passed, @Size(max = 4000) String summary) {
}
