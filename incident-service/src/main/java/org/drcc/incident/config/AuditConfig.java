package org.drcc.incident.config;

import java.nio.file.Path;
import java.time.Clock;
import javax.sql.DataSource;
import org.drcc.incident.audit.ChainSigner;
import org.drcc.incident.audit.ChainVerifier;
import org.drcc.incident.audit.CheckpointWriter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.EnableScheduling;

@Configuration
@EnableScheduling
class AuditConfig {

    @Bean
    ChainSigner chainSigner(@Value("${dr.audit.signing-key-file}") Path keyFile) {
        return ChainSigner.fromFile(keyFile);
    }

    @Bean
    ChainVerifier chainVerifier(DataSource dataSource, ChainSigner signer, Clock clock) {
        return new ChainVerifier(dataSource, signer, clock);
    }

    @Bean
    CheckpointWriter checkpointWriter(JdbcClient jdbc, ChainSigner signer, Clock clock) {
        return new CheckpointWriter(jdbc, signer, clock);
    }
}
