package org.drcc.backup.config;

import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.Map;
import org.drcc.backup.encryption.EncryptionSettings;
import org.drcc.backup.pitr.PgBackRest;
import org.drcc.backup.pitr.PgBackRestConfig;
import org.drcc.backup.pitr.PitrSettings;
import org.drcc.backup.policy.DatabasePolicy;
import org.drcc.backup.policy.BackupProperties;
import org.drcc.backup.policy.CopyRetry;
import org.drcc.backup.postgres.ParallelArchiveCompressor;
import org.drcc.backup.postgres.PgTools;
import org.drcc.backup.retention.RetentionSettings;
import org.drcc.backup.storage.S3Properties;
import org.drcc.kit.s3.S3Settings;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.DependsOn;
import org.springframework.core.task.TaskExecutor;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

@Configuration
@EnableConfigurationProperties({BackupProperties.class, S3Properties.class, RetentionSettings.class, CopyRetry.class,
        EncryptionSettings.class, PitrSettings.class})
class BackupConfig {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    PgBackRestConfig pgBackRestConfig(PitrSettings pitr, S3Settings s3, S3Properties buckets) {
        return new PgBackRestConfig(pitr, s3, buckets.buckets());
    }

    /** pgBackRest reaches the protected server as its policy's user, the password from the environment as libpq reads it. */
    @Bean
    PgBackRest pgBackRest(PgBackRestConfig config, PitrSettings pitr, BackupProperties properties) {
        DatabasePolicy policy = properties.databases().get(pitr.database());
        String password = policy == null || policy.password() == null ? "" : policy.password();
        return new PgBackRest(config, pitr.stanza(), Map.of("PGPASSWORD", password));
    }

    @Bean
    PgTools pgTools(BackupProperties properties) {
        return new PgTools(properties.toolsDir());
    }

    /**
     * Backups, copies, verifications and restores run here, off the request thread: the API answers
     * 202 at once. Few threads, because each job runs pg_dump or pg_restore against the server. On
     * shutdown the running jobs get 30 s to end before the compression threads they use are stopped
     * (a bean is destroyed before the beans it depends on).
     */
    @Bean
    @DependsOn("archiveCompression")
    TaskExecutor backupTasks() {
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        executor.setThreadNamePrefix("backup-job-");
        executor.setCorePoolSize(4);
        executor.setMaxPoolSize(4);
        executor.setQueueCapacity(100);
        executor.setWaitForTasksToCompleteOnShutdown(true);
        executor.setAwaitTerminationSeconds(30);
        return executor;
    }

    /**
     * Compresses dumps on all cores (see {@link ParallelArchiveCompressor}), in 256 KB segments: small
     * enough for any garbage collector to treat them as ordinary objects, large enough that priming each
     * with the 32 KB before it costs little.
     */
    @Bean(destroyMethod = "shutdownNow")
    ExecutorService archiveCompression(BackupProperties properties) {
        AtomicInteger threads = new AtomicInteger();
        return Executors.newFixedThreadPool(properties.compressionThreads(), r -> {
            Thread t = new Thread(r, "archive-deflate-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    @Bean
    ParallelArchiveCompressor archiveCompressor(ExecutorService archiveCompression, BackupProperties properties) {
        return new ParallelArchiveCompressor(archiveCompression, properties.compressionThreads(), 256 * 1024);
    }
}
