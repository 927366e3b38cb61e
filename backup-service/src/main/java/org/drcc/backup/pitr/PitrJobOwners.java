package org.drcc.backup.pitr;

/**
 * Which instance runs a restore to an instant or a base backup: recorded before its start is, and let go when it
 * ended, so that one left running by an instance that stopped is found and failed (the job package's instance leases
 * implement it and look for such orphans; {@link PointInTimeRestores#failInterrupted},
 * {@link BaseBackups#failInterrupted}).
 */
public interface PitrJobOwners {

    /** Before the job is started: it is this instance's. */
    void own(String jobId);

    /**
     * Whether this instance still runs the job: not when its lease ran out meanwhile and the orphans' sweep let it
     * go (a restore asks before it makes its outcome the target's).
     */
    boolean stillOwns(String jobId);

    /** The job ended, or never started. */
    void releaseQuietly(String jobId);
}
