package org.drcc.incident.command;

import java.time.Instant;
import org.drcc.contract.incident.IncidentTargets;
import org.drcc.kit.rules.RuleRefusedException;

/** Small checks the incident's command handlers share. */
final class Rules {

    private Rules() {
    }

    static void require(boolean condition, String refusal) {
        if (!condition) {
            throw new RuleRefusedException("incident", refusal);
        }
    }

    /**
     * Where data can be lost, the evidence of a restore is the backup and its restore point, and the
     * restore point must precede the damage: a backup taken after it may hold the corruption or the malware.
     */
    static void requireRestoreEvidence(IncidentTargets targets, Instant suspectedDamageStart, String backupId,
                                       Instant restorePoint, Instant now) {
        if (targets.rpo() == null) {
            return;
        }
        require(backupId != null && !backupId.isBlank(), "a restore of data needs the id of the backup used");
        require(restorePoint != null, "a restore of data needs its restore point");
        require(!restorePoint.isAfter(now), "the restore point " + restorePoint + " is in the future");
        require(suspectedDamageStart == null || restorePoint.isBefore(suspectedDamageStart),
                "the restore point " + restorePoint + " is not before the suspected start of the damage "
                        + suspectedDamageStart + ": that backup may hold the damage; restore one taken before it");
    }
}
