package org.drcc.archive;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.drcc.contract.Topics;
import org.drcc.kit.audit.AuditTrailAutoConfiguration;
import org.drcc.kit.audit.ChainSigner;
import org.drcc.kit.audit.ChainVerifier;
import org.drcc.kit.kafka.CloudEventRecords;
import org.drcc.kit.s3.BucketStore;
import org.drcc.kit.s3.S3AutoConfiguration;
import org.drcc.kit.s3.S3Clients;
import org.drcc.kit.s3.S3Settings;
import org.drcc.kit.schedule.ClusterOnce;
import org.drcc.kit.schedule.ScheduleAutoConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.kafka.KafkaAutoConfiguration;
import org.springframework.boot.autoconfigure.kafka.KafkaProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.CronTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.scheduling.support.CronTrigger;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The archive inside its host service, which only has this module on its class path. From the host it takes
 * the audit key ({@link ChainSigner}), the host's own trail ({@link ChainVerifier}, for the evidence pack), the
 * kit's Kafka, S3 and keyring, and a {@link Clock}; it gives back only its endpoints, which the host's security
 * guards, and its health component.
 */
@AutoConfiguration(after = {AuditTrailAutoConfiguration.class, KafkaAutoConfiguration.class, S3AutoConfiguration.class,
        ScheduleAutoConfiguration.class})
@ConditionalOnProperty(name = "dr.archive.enabled", matchIfMissing = true)
@EnableConfigurationProperties(ArchiveProperties.class)
@Import({ArchiveController.class, EvidenceController.class})
public class ArchiveAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ArchiveAutoConfiguration.class);

    /** Refusals of the Object Lock and its return, and the verifications' verdicts, on dr.audit.events. */
    private static RetentionAlerts.Publisher publisher(KafkaTemplate<String, String> kafka, CloudEventRecords records) {
        return (key, id, event) -> kafka.send(records.toRecord(Topics.AUDIT_EVENTS, key, id, event.occurredAt(), event))
                .get(10, TimeUnit.SECONDS);
    }

    /** The primary copy, in the main store's audit bucket. */
    @Bean
    ArchiveCopy primaryArchiveCopy(S3Clients s3, ArchiveProperties settings, KafkaProperties kafka, KafkaAdmin admin,
                                   KafkaTemplate<String, String> template, CloudEventRecords records, ObjectMapper json,
                                   ChainSigner signer, Clock clock, ArchiveReads reads) {
        return copy(ArchiveCopy.PRIMARY, s3.bucket(settings.bucket()), settings.groupId(), settings,
                kafka.buildConsumerProperties(), admin, publisher(template, records), json, signer, clock, reads);
    }

    /** The primary's archiver, started and stopped with the context. */
    @Bean
    Archiver archiver(ArchiveCopy primaryArchiveCopy) {
        return primaryArchiveCopy.archiver();
    }

    @Bean
    ArchiveCopies archiveCopies(List<ArchiveCopy> copies) {
        return new ArchiveCopies(copies);
    }

    /**
     * One copy's parts on {@code bucket}, the primary's and the off-site copy's alike: its segment writer (with its
     * own Object Lock read-back and retention events, keyed by the bucket), the Kafka clusters its chains are kept
     * under, its archiver in the consumer group {@code groupId}, its verifier and its reader.
     */
    static ArchiveCopy copy(String name, BucketStore bucket, String groupId, ArchiveProperties settings,
                            Map<String, Object> kafkaConsumer, KafkaAdmin admin, RetentionAlerts.Publisher publisher,
                            ObjectMapper json, ChainSigner signer, Clock clock, ArchiveReads reads) {
        RetentionStatus retention = new RetentionStatus();
        SegmentWriter writer = new SegmentWriter(bucket, settings.retentionDays(), json, signer, retention,
                new RetentionAlerts(publisher, bucket.bucket()), clock);
        ArchiveClusters clusters = new ArchiveClusters(bucket, () -> clusterId(admin), settings.retentionDays(), clock);
        Archiver archiver = new Archiver(name, consumerProperties(kafkaConsumer, groupId), settings, writer, clusters, clock);
        ArchiveVerifier verifier = new ArchiveVerifier(bucket, json, signer, clusters, clock,
                group -> committedOffsets(admin, group), reads);
        return new ArchiveCopy(name, bucket.bucket(), groupId, archiver, retention, verifier,
                new ArchiveReader(bucket, json, writer, clusters, reads));
    }

    /**
     * The off-site copy, where {@code dr.archive.offsite.bucket} is set: the same parts again, on its own store's
     * bucket, in a consumer group of its own.
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnExpression("'${dr.archive.offsite.bucket:}'.trim() != ''")
    static class OffsiteCopy {

        /** The off-site store's own client, closed with the context. */
        @Bean
        OffsiteStore offsiteArchiveStore(S3Settings s3, ArchiveProperties settings) {
            return new OffsiteStore(S3Clients.build(settings.offsite().store(s3.main())));
        }

        @Bean
        ArchiveCopy offsiteArchiveCopy(OffsiteStore offsiteArchiveStore, S3Settings s3, ArchiveProperties settings,
                                       KafkaProperties kafka, KafkaAdmin admin, KafkaTemplate<String, String> template,
                                       CloudEventRecords records, ObjectMapper json, ChainSigner signer, Clock clock,
                                       ArchiveReads reads) {
            ArchiveProperties.Offsite offsite = settings.offsite();
            if (offsite.bucket().equals(settings.bucket())) {
                throw new IllegalStateException("dr.archive.offsite.bucket is the primary's bucket name (" + settings.bucket()
                        + "): name the off-site bucket apart, so that no store holds both copies under one name and the "
                        + "retention events on dr.audit.events (keyed by bucket) say which copy they are about");
            }
            if (offsite.groupId().equals(settings.groupId())) {
                throw new IllegalStateException("dr.archive.offsite.group-id is the primary archiver's group ("
                        + settings.groupId() + "): each copy needs a consumer group of its own");
            }
            S3Settings.Store store = offsite.store(s3.main());
            if (store.sameSiteAs(s3.main())) {
                log.warn("audit archive: the off-site copy (bucket {}) is on the main S3 store: it outlives the loss of the "
                        + "primary bucket, not of the store; give dr.archive.offsite.endpoint a store in another region",
                        offsite.bucket());
            }
            return copy(ArchiveCopy.OFFSITE, new BucketStore(offsiteArchiveStore.client(), offsite.bucket()),
                    offsite.groupId(), settings, kafka.buildConsumerProperties(), admin, publisher(template, records),
                    json, signer, clock, reads);
        }

        /**
         * The client in a holder of its own: as an {@code S3Client} bean it would stand beside the main store's for
         * every injection of that type.
         */
        record OffsiteStore(S3Client client) implements AutoCloseable {
            @Override
            public void close() {
                client.close();
            }
        }

        /** The off-site copy's archiver, started and stopped with the context. */
        @Bean
        Archiver offsiteArchiver(ArchiveCopy offsiteArchiveCopy) {
            return offsiteArchiveCopy.archiver();
        }
    }

    /** An archiver's own consumer: its group, offsets committed by hand after each segment, from the beginning. */
    static Properties consumerProperties(Map<String, Object> kafka, String groupId) {
        Properties consumer = new Properties();
        consumer.putAll(kafka);
        consumer.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        consumer.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        consumer.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        consumer.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        consumer.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        // a new dr.*.events topic is found within seconds, not the default five minutes
        consumer.put(ConsumerConfig.METADATA_MAX_AGE_CONFIG, 5_000);
        return consumer;
    }

    @Bean
    ArchiveHealth auditArchiveHealthIndicator(ArchiveCopies copies, ArchiveProperties settings) {
        return new ArchiveHealth(copies, settings);
    }

    @Bean
    ArchiveGauges auditArchiveGauges(ArchiveCopies copies, Verdicts verdicts) {
        return new ArchiveGauges(copies, verdicts);
    }

    @Bean
    Verdicts archiveVerdicts(DataSource database, Clock clock) {
        return new Verdicts(JdbcClient.create(database), clock);
    }

    @Bean
    ArchiveVerifications archiveVerifications(ArchiveCopies copies, KafkaTemplate<String, String> kafka,
                                              CloudEventRecords records, Verdicts verdicts, Clock clock) {
        return new ArchiveVerifications(copies, publisher(kafka, records), verdicts, clock);
    }

    /**
     * Each copy verified at {@code dr.archive.verify-schedule} (a cron in UTC, daily at 03:40 by default; {@code -}:
     * never), on one instance at a time (the kit's {@link ClusterOnce}), on a thread of its own: a verification reads
     * the whole archive, for minutes or hours, and on the host's scheduler (one thread) it would hold up the host's own
     * jobs (phase windows, audit checkpoints). A run still going when the cron fires again is not doubled.
     */
    @Configuration(proxyBeanMethods = false)
    @EnableScheduling
    static class VerificationSchedule implements SchedulingConfigurer, DisposableBean {

        private final Runnable verification;
        private final String schedule;
        private final ExecutorService thread = Executors.newSingleThreadExecutor(task -> {
            Thread verifying = new Thread(task, "audit-archive-verification");
            verifying.setDaemon(true);
            return verifying;
        });
        private final AtomicBoolean running = new AtomicBoolean();

        VerificationSchedule(ArchiveVerifications verifications, ClusterOnce once,
                             @Value("${dr.archive.verify-schedule:0 40 3 * * *}") String schedule) {
            this.verification = once.once("audit-archive-verification", Duration.ofHours(12), Duration.ofMinutes(1),
                    verifications::verifyAll);
            this.schedule = schedule;
        }

        @Override
        public void configureTasks(ScheduledTaskRegistrar registrar) {
            if (ScheduledTaskRegistrar.CRON_DISABLED.equals(schedule)) {
                return;
            }
            registrar.addCronTask(new CronTask(this::handOver, new CronTrigger(schedule, ZoneOffset.UTC)));
        }

        private void handOver() {
            if (!running.compareAndSet(false, true)) {
                return;
            }
            try {
                thread.execute(() -> {
                    try {
                        verification.run();
                    } catch (RuntimeException e) {
                        log.warn("audit archive: the scheduled verification failed", e);
                    } finally {
                        running.set(false);
                    }
                });
            } catch (RejectedExecutionException stopping) {
                running.set(false);
            }
        }

        @Override
        public void destroy() {
            thread.shutdownNow();
        }
    }

    @Bean
    EvidencePack evidencePack(ChainVerifier chain, ChainSigner signer, ObjectMapper json, Clock clock) {
        return new EvidencePack(chain, signer, json, clock);
    }

    /** The threads that read the archive ahead of a verification's or a replay's walk; closed with the context. */
    @Bean
    ArchiveReads archiveReads(ArchiveProperties settings) {
        return new ArchiveReads(settings.readAhead());
    }

    /** The id of the cluster Kafka answers for. */
    static String clusterId(KafkaAdmin kafka) {
        try (AdminClient admin = admin(kafka)) {
            return admin.describeCluster().clusterId().get(10, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot ask Kafka for its cluster id", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static AdminClient admin(KafkaAdmin kafka) {
        Map<String, Object> config = new HashMap<>(kafka.getConfigurationProperties());
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5_000);
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        return AdminClient.create(config);
    }

    /** The archiver group's committed offsets, by "topic/partition". */
    static Map<String, Long> committedOffsets(KafkaAdmin kafka, String group) {
        try (AdminClient admin = admin(kafka)) {
            Map<String, Long> offsets = new TreeMap<>();
            admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS)
                    .forEach((tp, offset) -> {
                        if (offset != null) {
                            offsets.put(tp.topic() + "/" + tp.partition(), offset.offset());
                        }
                    });
            return offsets;
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot read the archiver's offsets from Kafka", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
