package org.drcc.backup.policy;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What the backup-service protects and how.
 *
 * @param databases            the protected databases by name, each with its policy
 * @param toolsDir             where pg_dump, pg_restore and psql are; empty means the PATH
 * @param zone                 the time zone whose days, ISO weeks and months retention counts in
 * @param verificationSchedule when every database's newest backup is verified by restore (Spring cron)
 * @param retentionSchedule    when retention expires the backups no rule keeps (Spring cron)
 * @param schedulingEnabled    false in tests and on a second instance: nothing runs by the clock
 * @param restoreJobs          {@code pg_restore --jobs} for a restore
 * @param manifestConnections  connections that read a manifest's table checksums at once after a
 *                             verification's restore (during a dump, one reads it beside pg_dump)
 * @param parallelCompression  true: pg_dump writes its archive uncompressed and the service compresses
 *                             it, at pg_dump's default level, on {@code compressionThreads} cores at
 *                             once; false: pg_dump compresses on its one thread (slower, the same archive)
 * @param compressionThreads   threads that compress dumps; 0: one per core
 * @param staleAfter           a backup still RUNNING this long after its start, and not run by this
 *                             instance, is recorded as failed: longer than any dump takes, because
 *                             another instance may be running it and only its age tells it is lost
 * @param staleCheckInterval   how often the running backups are looked at for stale ones (by the clock)
 */
@ConfigurationProperties("dr.backup")
public record BackupProperties(
        Map<String, DatabasePolicy> databases,
        @DefaultValue("") String toolsDir,
        @DefaultValue("UTC") String zone,
        @DefaultValue("0 0 4 * * SUN") String verificationSchedule,
        @DefaultValue("0 30 3 * * *") String retentionSchedule,
        @DefaultValue("true") boolean schedulingEnabled,
        @DefaultValue("2") int restoreJobs,
        @DefaultValue("2") int manifestConnections,
        @DefaultValue("true") boolean parallelCompression,
        @DefaultValue("0") int compressionThreads,
        @DefaultValue("PT6H") Duration staleAfter,
        @DefaultValue("PT10M") Duration staleCheckInterval) {

    public BackupProperties {
        databases = databases == null ? Map.of() : Map.copyOf(databases);
        if (staleAfter.isNegative() || staleAfter.isZero() || staleCheckInterval.isNegative()
                || staleCheckInterval.isZero()) {
            throw new IllegalArgumentException("dr.backup.stale-after and dr.backup.stale-check-interval must be "
                    + "positive durations (got " + staleAfter + ", " + staleCheckInterval + ")");
        }
        if (compressionThreads <= 0) {
            compressionThreads = Runtime.getRuntime().availableProcessors();
        }
    }
}
