package org.drcc.incident.archive;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.drcc.contract.Topics;
import org.drcc.kit.audit.ChainSigner;
import org.drcc.kit.audit.ChainVerifier;
import org.drcc.kit.kafka.CloudEventRecords;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.kafka.KafkaProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/**
 * The suite's one archiver runs here, in the incident-service: it holds the audit queries already, and one
 * consumer of every topic gives one archive (an archiver per service would archive every topic several times).
 */
@Configuration
@ConditionalOnProperty(name = "dr.archive.enabled", matchIfMissing = true)
@EnableConfigurationProperties({ArchiveProperties.class, S3Settings.class})
class ArchiveConfig {

    /** Path-style, because S3-compatible servers (S3Mock, MinIO) do not serve bucket host names. */
    @Bean(destroyMethod = "close")
    S3Client archiveS3(S3Settings s3) {
        S3ClientBuilder builder = S3Client.builder()
                .region(Region.of(s3.region()))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(s3.accessKey(), s3.secretKey())))
                .forcePathStyle(true)
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
        if (s3.endpoint() != null && !s3.endpoint().toString().isBlank()) {
            builder.endpointOverride(s3.endpoint());
        }
        return builder.build();
    }

    @Bean
    ArchiveStore archiveStore(S3Client archiveS3, ArchiveProperties settings) {
        return new ArchiveStore(archiveS3, settings.bucket(), settings.retentionDays());
    }

    @Bean
    RetentionStatus retentionStatus() {
        return new RetentionStatus();
    }

    /** Refusals of the Object Lock, and its return, as CloudEvents on dr.audit.events keyed by the bucket. */
    @Bean
    RetentionAlerts retentionAlerts(KafkaTemplate<String, String> kafka, CloudEventRecords records, ArchiveProperties settings) {
        return new RetentionAlerts((key, id, event) -> kafka.send(records.toRecord(Topics.AUDIT_EVENTS, key, id,
                event.occurredAt(), event)).get(10, TimeUnit.SECONDS), settings.bucket());
    }

    @Bean
    SegmentWriter segmentWriter(ArchiveStore store, ObjectMapper json, ChainSigner signer, RetentionStatus retention,
                                RetentionAlerts alerts, Clock clock) {
        return new SegmentWriter(store, json, signer, retention, alerts, clock);
    }

    @Bean
    Archiver archiver(KafkaProperties kafka, ArchiveProperties settings, SegmentWriter writer, Clock clock) {
        Properties consumer = new Properties();
        consumer.putAll(kafka.buildConsumerProperties());
        consumer.put(ConsumerConfig.GROUP_ID_CONFIG, settings.groupId());
        consumer.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        consumer.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        consumer.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        consumer.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        // a new dr.*.events topic is found within seconds, not the default five minutes
        consumer.put(ConsumerConfig.METADATA_MAX_AGE_CONFIG, 5_000);
        return new Archiver(consumer, settings, writer, clock);
    }

    @Bean
    ArchiveHealth auditArchiveHealthIndicator(RetentionStatus retention, Archiver archiver, ArchiveProperties settings) {
        return new ArchiveHealth(retention, archiver, settings);
    }

    @Bean
    EvidencePack evidencePack(ArchiveReader reader, ArchiveVerifier archive, ChainVerifier chain, ChainSigner signer,
                              ArchiveProperties settings, ObjectMapper json, Clock clock) {
        return new EvidencePack(reader, archive, chain, signer, settings, json, clock);
    }

    @Bean
    ArchiveReader archiveReader(ArchiveStore store, ObjectMapper json, SegmentWriter segments) {
        return new ArchiveReader(store, json, segments);
    }

    @Bean
    ArchiveVerifier archiveVerifier(ArchiveStore store, ObjectMapper json, ChainSigner signer, Clock clock, KafkaAdmin kafka) {
        return new ArchiveVerifier(store, json, signer, clock, group -> committedOffsets(kafka, group));
    }

    /** The archiver group's committed offsets, by "topic/partition". */
    private static Map<String, Long> committedOffsets(KafkaAdmin kafka, String group) {
        Map<String, Object> config = new HashMap<>(kafka.getConfigurationProperties());
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5_000);
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        try (AdminClient admin = AdminClient.create(config)) {
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
