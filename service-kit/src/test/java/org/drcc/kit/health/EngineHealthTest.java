package org.drcc.kit.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.drcc.kit.s3.S3Clients;
import org.drcc.kit.s3.S3Settings;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;
import org.springframework.kafka.core.KafkaAdmin;

/** The engine checks against an address where nothing listens: DOWN, quickly, and without the address. */
class EngineHealthTest {

    @Test
    void kafkaWithNoBrokerIsDownWithinTheTimeout() throws Exception {
        int port = closedPort();
        KafkaHealth kafka = new KafkaHealth(new KafkaAdmin(Map.of("bootstrap.servers", "127.0.0.1:" + port)),
                Duration.ofSeconds(1));
        try {
            long start = System.nanoTime();
            Health health = kafka.check();

            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(4));
            assertThat(health.getStatus()).isEqualTo(Status.DOWN);
            assertThat(health.getDetails().toString()).doesNotContain(String.valueOf(port));
        } finally {
            kafka.destroy();
        }
    }

    @Test
    void s3WithNoServerIsDownWithinTheTimeoutAndNamesNoSecret() throws Exception {
        int port = closedPort();
        try (S3Clients clients = new S3Clients(new S3Settings(URI.create("http://127.0.0.1:" + port), "key",
                "very-secret-key", "us-east-1", Map.of()))) {
            clients.bucket("dr-audit-archive");
            long start = System.nanoTime();
            Health health = new S3Health(clients, Duration.ofSeconds(1)).check();

            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(4));
            assertThat(health.getStatus()).isEqualTo(Status.DOWN);
            assertThat(health.getDetails()).containsEntry("bucket", "dr-audit-archive");
            assertThat(health.getDetails().toString()).doesNotContain("very-secret-key").doesNotContain(String.valueOf(port));
        }
    }

    @Test
    void aCheckIsRunAgainOnlyOnceItsAnswerIsOlderThanTheTimeToLive() {
        AtomicInteger checks = new AtomicInteger();
        MutableClock clock = new MutableClock();
        CachedHealth cached = new CachedHealth(() -> Health.status(checks.incrementAndGet() == 1 ? Status.DOWN : Status.UP)
                .build(), Duration.ofSeconds(5), clock);

        assertThat(cached.health().getStatus()).isEqualTo(Status.DOWN);
        clock.now = clock.now.plusSeconds(4);
        assertThat(cached.health().getStatus()).isEqualTo(Status.DOWN);
        clock.now = clock.now.plusSeconds(1);
        assertThat(cached.health().getStatus()).isEqualTo(Status.UP);
        assertThat(checks).hasValue(2);
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static final class MutableClock extends Clock {
        Instant now = Instant.parse("2026-11-30T08:00:00Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
