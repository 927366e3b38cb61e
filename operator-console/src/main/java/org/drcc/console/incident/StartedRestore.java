package org.drcc.console.incident;

import java.io.Serializable;

/**
 * A restore started from an incident's room: of a verified dump ({@code backupId}) or to an instant ({@code toTime},
 * point-in-time recovery), into {@code targetDatabase}. Kept in the person's session: the console keeps no database,
 * and backup-service's restores do not name an incident.
 */
public record StartedRestore(String incidentId, String restoreId, String database, String backupId, String toTime,
                             String targetDatabase) implements Serializable {

    public boolean pointInTime() {
        return toTime != null;
    }
}
