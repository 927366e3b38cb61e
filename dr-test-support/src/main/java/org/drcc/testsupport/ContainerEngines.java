package org.drcc.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.drcc.engines.Buckets;
import org.drcc.engines.Engines;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.testcontainers.containers.MinIOContainer;
import org.testcontainers.containers.PostgreSQLContainer;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.utility.MountableFile;

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
        if (!Engines.SERVICE_DATABASES.contains(database)) {
            throw new IllegalArgumentException("unknown service database " + database);
        }
        start(database);
        registry.add(TestTokens.PUBLIC_KEY_PROPERTY, () -> TestTokens.install().publicKeyFile().toString());
        registry.add("spring.datasource.url", postgres::getJdbcUrl);
        registry.add("spring.datasource.username", postgres::getUsername);
        registry.add("spring.datasource.password", postgres::getPassword);
        registry.add("spring.kafka.bootstrap-servers", kafka::getBootstrapServers);
        registry.add("dr.s3.endpoint", minio::getS3URL);
        registry.add("dr.s3.access-key", minio::getUserName);
        registry.add("dr.s3.secret-key", minio::getPassword);
        registry.add("dr.audit.signing-key-file", () -> TestTokens.install().publicKeyFile().resolveSibling(
                database + "-audit.key").toString());
    }

    /**
     * Where the containers listen, for a test that wires the services itself (dr-cli's ComposeIT): PostgreSQL with
     * only its {@code postgres} database, its superuser and password; Kafka; MinIO, its root user and password.
     */
    public record Addresses(String postgres, String postgresUser, String postgresPassword, String kafka, String minio,
                            String minioUser, String minioPassword) {
    }

    /** Starts the containers on first use, with no service database made (the caller's scripts make them). */
    public static synchronized Addresses start() {
        start("postgres");
        return new Addresses(postgres.getHost() + ":" + postgres.getMappedPort(5432), postgres.getUsername(),
                postgres.getPassword(), kafka.getBootstrapServers().replaceFirst("^\\w+://", ""),
                minio.getHost() + ":" + minio.getMappedPort(9000), minio.getUserName(), minio.getPassword());
    }

    /**
     * Runs a shell script in the MinIO container, where {@code mc} is, with {@code files} copied to
     * {@code filesTarget} first: docker-compose's one-shot minio-init, for one. Fails with its output unless it exits 0.
     */
    public static synchronized String inMinio(String script, Path files, String filesTarget) {
        minio.copyFileToContainer(MountableFile.forHostPath(files), filesTarget);
        try {
            var run = minio.execInContainer("sh", "-c", script);
            if (run.getExitCode() != 0) {
                throw new IllegalStateException("in MinIO, exit " + run.getExitCode() + ": " + run.getStdout() + run.getStderr());
            }
            return run.getStdout();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void start(String database) {
        if (postgres == null) {
            postgres = new PostgreSQLContainer<>("postgres:15").withDatabaseName(database);
            kafka = new KafkaContainer("apache/kafka:3.9.1");
            minio = new MinIOContainer("minio/minio:RELEASE.2025-09-07T16-13-09Z");
            postgres.start();
            kafka.start();
            minio.start();
            buckets();
        }
    }

    /**
     * The buckets the embedded S3 server starts with, made as docker-compose's minio-init makes them: the audit
     * archive with Object Lock (MinIO enforces it, unlike the embedded server), the others plain.
     */
    private static void buckets() {
        StringBuilder script = new StringBuilder("mc alias set local http://127.0.0.1:9000 \"$MINIO_ROOT_USER\" "
                + "\"$MINIO_ROOT_PASSWORD\" && mc mb --ignore-existing --with-lock local/" + Buckets.AUDIT);
        Buckets.ALL.stream().filter(b -> !b.equals(Buckets.AUDIT))
                .forEach(b -> script.append(" && mc mb --ignore-existing local/").append(b));
        try {
            var made = minio.execInContainer("sh", "-c", script.toString());
            if (made.getExitCode() != 0) {
                throw new IllegalStateException("MinIO buckets not made: " + made.getStderr());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
