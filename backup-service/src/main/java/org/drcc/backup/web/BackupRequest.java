package org.drcc.backup.web;

import jakarta.validation.constraints.NotBlank;

/** The body of {@code POST /api/backups}: which protected database to back up now. */
public record BackupRequest(@NotBlank String database) {
}
