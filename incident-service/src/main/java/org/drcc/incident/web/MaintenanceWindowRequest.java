package org.drcc.incident.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/** A planned maintenance window to schedule: [startsAt, endsAt) and why. */
public record MaintenanceWindowRequest(@NotNull Instant startsAt, @NotNull Instant endsAt,
                                       @NotBlank @Size(max = 1000) String reason) {
}
