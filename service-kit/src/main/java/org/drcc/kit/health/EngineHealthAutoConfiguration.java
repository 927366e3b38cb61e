package org.drcc.kit.health;

import java.time.Clock;
import java.time.Duration;
import javax.sql.DataSource;
import org.drcc.kit.s3.S3AutoConfiguration;
import org.drcc.kit.s3.S3Clients;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.autoconfigure.health.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.actuate.autoconfigure.jdbc.DataSourceHealthContributorAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.autoconfigure.kafka.KafkaAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * The health components "kafka" and "s3", and "db" as Boot's check plus whether the server takes writes (the kit's 2 s
 * pool timeout keeps it as quick):
 * each check waits at most {@code dr.health.timeout} (2 s) and is remembered for {@code dr.health.ttl} (5 s).
 */
// before Boot's "db" check, which stands back for a bean of its name
@AutoConfiguration(after = {KafkaAutoConfiguration.class, S3AutoConfiguration.class, DataSourceAutoConfiguration.class},
        before = DataSourceHealthContributorAutoConfiguration.class)
public class EngineHealthAutoConfiguration {

    @Bean("dbHealthIndicator")
    @ConditionalOnSingleCandidate(DataSource.class)
    @ConditionalOnEnabledHealthIndicator("db")
    PostgresHealth dbHealthIndicator(DataSource database) {
        return new PostgresHealth(database);
    }

    @Bean
    KafkaHealth kafkaHealthCheck(KafkaAdmin admin, @Value("${dr.health.timeout:2s}") Duration timeout) {
        return new KafkaHealth(admin, timeout);
    }

    @Bean("kafka")
    CachedHealth kafkaHealthIndicator(KafkaHealth check, @Value("${dr.health.ttl:5s}") Duration ttl) {
        return new CachedHealth(check::check, ttl, Clock.systemUTC());
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "software.amazon.awssdk.services.s3.S3Client")
    @ConditionalOnBean(S3Clients.class)
    static class S3 {

        @Bean("s3")
        CachedHealth s3HealthIndicator(S3Clients clients, @Value("${dr.health.timeout:2s}") Duration timeout,
                                       @Value("${dr.health.ttl:5s}") Duration ttl) {
            return new CachedHealth(new S3Health(clients, timeout)::check, ttl, Clock.systemUTC());
        }
    }
}
