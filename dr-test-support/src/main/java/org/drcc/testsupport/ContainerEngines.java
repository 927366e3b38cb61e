package org.drcc.testsupport;

import org.drcc.engines.Engines;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.testcontainers.containers.MinIOContainer;
import org.testcontainers.containers.PostgreSQLContainer;
import org.testcontainers.kafka.KafkaContainer;

/**
 * The same three engines as containers (PostgreSQL 15, Kafka KRaft, MinIO), for machines with a
 * Docker engine. Use from a test class marked {@code @Testcontainers(disabledWithoutDocker = true)},
 * which skips cleanly where there is no Docker; started once per test JVM.
 */
public final class ContainerEngines {

    private static PostgreSQLContainer<?> postgres;
    private static KafkaContainer kafka;
    private static MinIOContainer minio;

    private ContainerEngines() {
    }

    /** Starts the containers on first use and points Spring at them, with {@code database} for the service. */
    public static synchronized void register(DynamicPropertyRegistry registry, String database) {
        if (postgres == null) {
            postgres = new PostgreSQLContainer<>("postgres:15").withDatabaseName(database);
            kafka = new KafkaContainer("apache/kafka:3.9.1");
            minio = new MinIOContainer("minio/minio:RELEASE.2025-09-07T16-13-09Z");
            postgres.start();
            kafka.start();
            minio.start();
        }
        if (!Engines.SERVICE_DATABASES.contains(database)) {
            throw new IllegalArgumentException("unknown service database " + database);
        }
        registry.add(TestTokens.PUBLIC_KEY_PROPERTY, () -> TestTokens.install().publicKeyFile().toString());
        registry.add("spring.datasource.url", postgres::getJdbcUrl);
        registry.add("spring.datasource.username", postgres::getUsername);
        registry.add("spring.datasource.password", postgres::getPassword);
        registry.add("spring.kafka.bootstrap-servers", kafka::getBootstrapServers);
        registry.add("dr.s3.endpoint", minio::getS3URL);
    }
}
