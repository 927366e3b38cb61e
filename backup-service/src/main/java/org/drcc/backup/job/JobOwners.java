package org.drcc.backup.job;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.drcc.backup.pitr.PitrJobOwners;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Which instance runs each backup and restore, and whether that instance is still alive. Each instance holds a
 * lease in the database ({@code instance_lease}), taken when it starts and renewed every quarter of
 * {@code dr.backup.instance-lease} (30 s) by {@link OrphanedJobs}; a job records its instance ({@code job_owner})
 * before it is started, so a RUNNING job always names one. When that instance's lease has run out (it crashed, was
 * killed, or could not reach the database for longer than the lease), its jobs are orphans. Hand-written rather than a lock library's: ShedLock locks a job name for a
 * fixed time, while here the question is whether a given instance still lives.
 */
@Component
class JobOwners implements PitrJobOwners {

    private static final Logger log = LoggerFactory.getLogger(JobOwners.class);

    private final JdbcClient jdbc;
    private final Duration lease;
    /** Unique per start: the pid and host (pid 1 in every container) and a random part. */
    private final String instance = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID();

    JobOwners(JdbcClient jdbc, @Value("${dr.backup.instance-lease:PT30S}") Duration lease) {
        if (lease.isNegative() || lease.isZero()) {
            throw new IllegalArgumentException("dr.backup.instance-lease must be a positive duration (got " + lease + ")");
        }
        this.jdbc = jdbc;
        this.lease = lease;
        renew();
    }

    Duration lease() {
        return lease;
    }

    /**
     * This instance is alive for another lease. Leases that ran out a day ago are dropped, and with them the
     * records of their instances' jobs (an outcome that could not be recorded at once leaves its record behind).
     */
    void renew() {
        jdbc.sql("""
                        INSERT INTO instance_lease (instance_id, expires_at) VALUES (?, now() + ? * interval '1 millisecond')
                        ON CONFLICT (instance_id) DO UPDATE SET expires_at = excluded.expires_at""")
                .params(instance, lease.toMillis()).update();
        jdbc.sql("DELETE FROM instance_lease WHERE expires_at < now() - interval '1 day'").update();
        jdbc.sql("DELETE FROM job_owner o WHERE NOT EXISTS (SELECT 1 FROM instance_lease l WHERE l.instance_id = o.instance_id)")
                .update();
    }

    /** Before the job is started: it is this instance's. */
    @Override
    public void own(String jobId) {
        jdbc.sql("INSERT INTO job_owner (job_id, instance_id) VALUES (?, ?) ON CONFLICT (job_id) DO NOTHING")
                .params(jobId, instance).update();
    }

    @Override
    public boolean stillOwns(String jobId) {
        return jdbc.sql("SELECT count(*) FROM job_owner o JOIN instance_lease l ON l.instance_id = o.instance_id "
                        + "WHERE o.job_id = ? AND o.instance_id = ? AND l.expires_at >= now()")
                .params(jobId, instance).query(Integer.class).single() > 0;
    }

    /**
     * The job ended: nobody runs it any more. Where the database is away the record stays, which is harmless: a job
     * that is no longer RUNNING is never an orphan, and the record goes with its instance's lease.
     */
    @Override
    public void releaseQuietly(String jobId) {
        try {
            jdbc.sql("DELETE FROM job_owner WHERE job_id = ?").param(jobId).update();
        } catch (RuntimeException e) {
            log.debug("The record of who ran {} stays: {}", jobId, e.toString());
        }
    }

    /**
     * Of {@code jobIds}, the ones no instance is recorded to run: their record went with a lease that ran out a day
     * ago, or was dropped when the job ended but its outcome could not be recorded.
     */
    List<String> unowned(Collection<String> jobIds) {
        if (jobIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT id FROM unnest(?) AS id WHERE NOT EXISTS (SELECT 1 FROM job_owner o WHERE o.job_id = id)")
                .param(jobIds.toArray(String[]::new)).query(String.class).list();
    }

    /**
     * Of {@code jobIds}, the ones whose instance's lease has run out. A job that names no instance (started by a
     * version before the leases) is not among them: the age rule of {@link StaleBackupSweep} covers it.
     */
    List<String> orphaned(Collection<String> jobIds) {
        if (jobIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        SELECT o.job_id FROM job_owner o LEFT JOIN instance_lease l ON l.instance_id = o.instance_id
                        WHERE o.job_id = ANY (?) AND (l.expires_at IS NULL OR l.expires_at < now())""")
                .param(jobIds.toArray(String[]::new)).query(String.class).list();
    }
}
