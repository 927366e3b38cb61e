package org.drcc.backup.web;

import java.time.Instant;
import org.drcc.backup.pitr.RestorePointOffer;

/** A hold, and the restore point offered for its incident when the suspected start of the damage is known. */
public record HoldView(String incidentId, String scenario, boolean drill, Instant suspectedDamageStart,
                       Instant heldSince, Instant releasedAt, RestorePointOffer restorePointOffered) {
}
