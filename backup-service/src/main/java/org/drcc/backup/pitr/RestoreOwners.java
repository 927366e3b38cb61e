package org.drcc.backup.pitr;

/**
 * Which instance runs a restore to an instant: recorded before its start is, and let go when it ended, so that one
 * left RUNNING by an instance that stopped is found and failed (the job package's instance leases implement it and
 * look for such orphans; {@link PointInTimeRestores#failInterrupted}).
 */
public interface RestoreOwners {

    /** Before the restore is started: it is this instance's. */
    void own(String restoreId);

    /**
     * Whether this instance still runs the restore: not when its lease ran out meanwhile and the orphans' sweep let it
     * go (a restore asks before it makes its outcome the target's).
     */
    boolean stillOwns(String restoreId);

    /** The restore ended, or never started. */
    void releaseQuietly(String restoreId);
}
