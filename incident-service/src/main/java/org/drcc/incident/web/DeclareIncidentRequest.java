package org.drcc.incident.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.drcc.contract.incident.Severity;

/**
 * The body of {@code POST /api/incidents}. {@code detectedAt} defaults to now; {@code severity}
 * overrides the scenario's; {@code suspectedDamageStart} is when corruption or infection began.
 */
public record DeclareIncidentRequest(
        @NotBlank @Size(max = 100) String scenario,
        @NotBlank @Size(max = 200) String title,
        @Size(max = 4000) String description,
        @PastOrPresent Instant detectedAt,
        @PastOrPresent Instant suspectedDamageStart,
        Severity severity,
        boolean drill) {
}
