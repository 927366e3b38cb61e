package org.drcc.backup.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

/**
 * The body of {@code POST /api/backups/{id}/restore}. {@code targetDatabase} is a new database to
 * create; naming the protected database itself restores over it, and then needs
 * {@code confirmOverwrite: true}. (The caller's role will be checked here too once the service has
 * authentication; the actor is taken from the X-Actor header until then.)
 */
public record RestoreRequest(
        @NotBlank @Pattern(regexp = "[a-z][a-z0-9_]{0,62}",
                message = "must be a plain database name: lower-case letters, digits and _, starting with a letter")
        String targetDatabase,
        boolean confirmOverwrite) {
}
