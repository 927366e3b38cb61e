package org.drcc.backup.config;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.services.s3.S3Client;

@Configuration
@EnableConfigurationProperties(S3Properties.class)
class S3Config {

    /** The primary store's client; a tier on its own endpoint gets its own ({@link S3Properties#tiers()}). */
    @Bean(destroyMethod = "close")
    S3Client s3Client(S3Properties s3) {
        return S3Clients.of(s3.endpoint(), s3.accessKey(), s3.secretKey(), s3.region());
    }
}
