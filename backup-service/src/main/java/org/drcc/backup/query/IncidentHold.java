package org.drcc.backup.query;

import java.time.Instant;

/**
 * While an incident is open its backups are held: retention never expires them. The suspected
 * start of the damage is kept because the restore point must be taken before it.
 */
public record IncidentHold(
        String incidentId,
        String scenario,
        boolean drill,
        Instant suspectedDamageStart,
        Instant heldSince,
        Instant releasedAt) {
}
