package org.drcc.incident.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.drcc.contract.incident.Severity;

/** A new severity and why. */
public record SeverityRequest(@NotNull Severity severity, @NotBlank @Size(max = 4000) String reason) {
}
