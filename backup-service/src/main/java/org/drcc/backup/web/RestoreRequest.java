package org.drcc.backup.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

/**
 * The body of {@code POST /api/backups/{id}/restore}. {@code targetDatabase} is a new database to
 * create; naming the protected database itself restores over it, and then needs
 * {@code confirmOverwrite: true}. {@code from} names the tier whose copy to read; without it, the first copy
 * that is reachable and reads with the backup's SHA-256 (primary, secondary, tertiary), which the restore
 * names. Only a database administrator or the DR lead may restore (the permission table); the actor is the
 * caller named by the bearer token.
 */
public record RestoreRequest(
        @NotBlank @Pattern(regexp = "[a-z][a-z0-9_]{0,62}",
                message = "must be a plain database name: lower-case letters, digits and _, starting with a letter")
        String targetDatabase,
        boolean confirmOverwrite,
        @Pattern(regexp = "primary|secondary|tertiary", message = "must be primary, secondary or tertiary")
        String from) {
}
