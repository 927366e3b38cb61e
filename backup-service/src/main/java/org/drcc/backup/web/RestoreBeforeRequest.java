package org.drcc.backup.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Instant;

/**
 * The body of {@code POST /api/restores}: restore the newest verified backup of {@code database}
 * taken before {@code before} (an incident's suspected start of the damage), as
 * {@link RestoreRequest} says for one backup.
 */
public record RestoreBeforeRequest(
        @NotBlank String database,
        @NotNull Instant before,
        @NotBlank @Pattern(regexp = "[a-z][a-z0-9_]{0,62}",
                message = "must be a plain database name: lower-case letters, digits and _, starting with a letter")
        String targetDatabase,
        boolean confirmOverwrite,
        @Pattern(regexp = "primary|secondary|tertiary", message = "must be primary, secondary or tertiary")
        String from) {
}
