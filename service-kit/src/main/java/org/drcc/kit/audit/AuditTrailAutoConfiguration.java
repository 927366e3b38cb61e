package org.drcc.kit.audit;

import java.nio.file.Path;
import java.time.Clock;
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
    ChainVerifier chainVerifier(DataSource dataSource, ChainSigner signer) {
        return new ChainVerifier(dataSource, signer, Clock.systemUTC());
    }

    @Bean
    CheckpointWriter checkpointWriter(JdbcClient jdbc, ChainSigner signer) {
        return new CheckpointWriter(jdbc, signer, Clock.systemUTC());
    }

    @Bean
    AuditTrailController auditTrailController(ChainVerifier verifier, ChainSigner signer, CheckpointWriter checkpoints) {
        return new AuditTrailController(verifier, signer, checkpoints);
    }
}
