package org.drcc.backup.web;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import java.time.Instant;

/**
 * The body of {@code POST /api/restores}: either restore the newest verified backup of {@code database} taken before
 * {@code before} (an incident's suspected start of the damage), as {@link RestoreRequest} says for one backup; or,
 * with {@code toTime}, restore {@code database} as it was at that instant (point-in-time recovery, into a new
 * database only); or, with {@code toEndOfArchive} (the protected server lost), as the WAL archive last holds it,
 * from the tier {@code from} or the one whose archive reaches furthest.
 */
public record RestoreBeforeRequest(
        @NotBlank String database,
        Instant before,
        Instant toTime,
        @NotBlank @Pattern(regexp = "[a-z][a-z0-9_]{0,62}",
                message = "must be a plain database name: lower-case letters, digits and _, starting with a letter")
        String targetDatabase,
        boolean confirmOverwrite,
        @Pattern(regexp = "primary|secondary|tertiary", message = "must be primary, secondary or tertiary")
        String from,
        boolean toEndOfArchive) {

    @AssertTrue(message = "give before (the newest verified backup taken before it), toTime (that instant) or "
            + "toEndOfArchive (all the WAL archive holds), one of them")
    boolean isOneInstant() {
        return (before == null ? 0 : 1) + (toTime == null ? 0 : 1) + (toEndOfArchive ? 1 : 0) == 1;
    }

    @AssertTrue(message = "toTime restores into a new database from the WAL archive: confirmOverwrite and from do not apply")
    boolean isNewDatabaseForToTime() {
        return toTime == null || (!confirmOverwrite && from == null);
    }

    @AssertTrue(message = "toEndOfArchive restores into a new or empty database, never over data: confirmOverwrite "
            + "does not apply")
    boolean isNewDatabaseForEndOfArchive() {
        return !toEndOfArchive || !confirmOverwrite;
    }
}
