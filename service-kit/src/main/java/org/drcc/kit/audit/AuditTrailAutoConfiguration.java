package org.drcc.kit.audit;

import io.micrometer.core.instrument.binder.MeterBinder;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import javax.sql.DataSource;
import org.drcc.kit.keys.KeyFiles;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The provable audit trail of a service's Axon event store: on with {@code dr.audit.enabled=true} and
 * {@code classpath:db/audit} in the Flyway locations (which installs the chain and the append-only rules).
 */
@AutoConfiguration(after = DataSourceAutoConfiguration.class)
@ConditionalOnBooleanProperty("dr.audit.enabled")
@EnableScheduling
public class AuditTrailAutoConfiguration {

    @Bean
    ChainSigner chainSigner(@Value("${" + ChainSigner.KEY_FILE_SETTING + "}") Path keyFile, Environment environment) {
        return ChainSigner.fromFile(keyFile, KeyFiles.of(environment));
    }

    @Bean
    ChainLinker chainLinker(DataSource dataSource, @Value("${dr.audit.link-interval:PT0.2S}") Duration interval) {
        return new ChainLinker(dataSource, interval);
    }

    @Bean
    MeterBinder chainLinkLag(ChainLinker linker) {
        return new ChainLinkLag(linker);
    }

    @Bean
    ChainVerifier chainVerifier(DataSource dataSource, ChainSigner signer, ChainLinker linker,
                                @Value("${dr.audit.link-overdue:PT5M}") Duration overdue) {
        return new ChainVerifier(dataSource, signer, linker, overdue, Clock.systemUTC());
    }

    @Bean
    CheckpointWriter checkpointWriter(JdbcClient jdbc, ChainLinker linker, ChainSigner signer) {
        return new CheckpointWriter(jdbc, linker, signer, Clock.systemUTC());
    }

    @Bean
    AuditTrailController auditTrailController(ChainVerifier verifier, ChainSigner signer, CheckpointWriter checkpoints) {
        return new AuditTrailController(verifier, signer, checkpoints);
    }
}
