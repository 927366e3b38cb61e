package org.drcc.backup.web;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Pattern;

/**
 * A base backup now; with {@code adoptServer}, of a replacement server whose system identifier the operator confirms,
 * the stanza first upgraded to it (the day after the protected server was lost).
 */
public record BaseBackupRequest(
        @Schema(description = "The replacement server's system identifier, as `SELECT system_identifier FROM "
                + "pg_control_system()` answers on it: the stanza is upgraded to that cluster before its first base "
                + "backup. Omitted for an ordinary base backup.", example = "7715760711340772515")
        @Pattern(regexp = "[0-9]{1,20}", message = "must be the server's system identifier: its digits, as "
                + "pg_control_system() answers them")
        String adoptServer) {
}
