package org.drcc.incident.evidence;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.drcc.contract.incident.RestoreEvidenceRecordedEvent;
import org.drcc.incident.command.ItemProof;
import org.drcc.incident.command.RestoreEvidence;
import org.drcc.incident.plan.Plan;
import org.drcc.kit.rules.RuleRefusedException;
import org.springframework.stereotype.Component;

/**
 * Decides the evidence of an incident's restore. Named by its restore id, a restore of backup-service is the
 * evidence: the backup id and restore point are those of its {@code dr.backup.restored} event (or, for a restore to
 * an instant, its {@code dr.backup.restored-to-instant} event: the base backup and the instant reached), and the event ticks
 * the plan's {@code database-restored} item (and {@code data-verified} when that backup was verified against its
 * manifest). Typed by hand, they are manual evidence that the caller vouches for.
 */
@Component
public class RestoreLinks {

    static final String RESTORED_TYPE = "dr.backup.restored.v1";
    static final String VERIFIED_TYPE = "dr.backup.verified.v1";
    /** A restore to an instant: its restore point is the instant reached, so the data loss is seconds. */
    static final String POINT_IN_TIME_TYPE = "dr.backup.restored-to-instant.v1";

    private final SeenEvents seen;
    private final Plan plan;

    RestoreLinks(SeenEvents seen, Plan plan) {
        this.seen = seen;
        this.plan = plan;
    }

    /** The backup, restore point, evidence and proofs of a restore. */
    public record Linked(String backupId, Instant restorePoint, RestoreEvidence evidence, List<ItemProof> proofs) {
    }

    /**
     * A 409 when backup-service has not reported the restore finished (it may still run: try again when it has);
     * a {@link MismatchException} when a typed backup id or restore point contradicts the restore's own.
     */
    public Linked link(String restoreId, String typedBackupId, Instant typedRestorePoint) {
        SeenEvents.SeenRestore r = seen.restore(restoreId).orElseThrow(() -> new RuleRefusedException("incident",
                "backup-service has not reported restore " + restoreId + " as finished: wait until `dr backup` shows it "
                        + "RESTORED, or record the restore without restoreId as manual evidence"));
        if (typedBackupId != null && !typedBackupId.equals(r.backupId())) {
            throw new MismatchException("backupId", "is " + typedBackupId + " but restore " + restoreId + " restored backup "
                    + r.backupId() + "; leave it out, it is taken from the restore");
        }
        if (typedRestorePoint != null && !typedRestorePoint.equals(r.restorePoint())) {
            throw new MismatchException("restorePoint", "is " + typedRestorePoint + " but restore " + restoreId
                    + " has restore point " + r.restorePoint() + "; leave it out, it is taken from the restore");
        }
        List<ItemProof> proofs = new ArrayList<>();
        if (POINT_IN_TIME_TYPE.equals(r.eventType())) {
            proof(SuiteDeeds.DATABASE_RESTORED, POINT_IN_TIME_TYPE, r.eventId(), r.database() + " restored into "
                    + r.targetDatabase() + " as at " + r.restorePoint() + " from " + r.source() + " (restore "
                    + r.restoreId() + ")").ifPresent(proofs::add);
        } else {
            proof(SuiteDeeds.DATABASE_RESTORED, RESTORED_TYPE, r.eventId(), "backup " + r.backupId() + " of "
                    + r.database() + " restored into " + r.targetDatabase() + " from " + r.source() + " (restore "
                    + r.restoreId() + ")").ifPresent(proofs::add);
        }
        seen.verification(r.backupId()).flatMap(v -> proof(SuiteDeeds.DATA_VERIFIED, VERIFIED_TYPE, v.eventId(),
                "backup " + v.backupId() + " verified by restore: " + v.tablesChecked() + " tables match its manifest"))
                .ifPresent(proofs::add);
        return new Linked(r.backupId(), r.restorePoint(), new RestoreEvidence(RestoreEvidenceRecordedEvent.LINKED,
                r.restoreId(), r.database(), r.eventId(), null), proofs);
    }

    /** Typed by {@code person}: manual evidence, or none when no backup was named (nothing to vouch for). */
    public Linked manual(String backupId, Instant restorePoint, String person) {
        RestoreEvidence evidence = backupId == null && restorePoint == null ? null
                : new RestoreEvidence(RestoreEvidenceRecordedEvent.MANUAL, null, null, null, person);
        return new Linked(backupId, restorePoint, evidence, List.of());
    }

    private Optional<ItemProof> proof(String deed, String type, String eventId, String note) {
        return plan.itemFor(deed).map(item -> new ItemProof(item, deed, type, eventId, note));
    }

    /** A typed value that contradicts the linked restore: a 400 naming {@code field}. */
    public static class MismatchException extends RuntimeException {

        private final String field;

        MismatchException(String field, String message) {
            super(message);
            this.field = field;
        }

        public String field() {
            return field;
        }
    }
}
