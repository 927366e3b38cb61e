package org.drcc.kit.s3;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import software.amazon.awssdk.services.s3.S3Client;

/** On in the services that have the S3 SDK on their class path; the others never open a client. */
@AutoConfiguration
@ConditionalOnClass(S3Client.class)
@EnableConfigurationProperties(S3Settings.class)
public class S3AutoConfiguration {

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    S3Clients s3Clients(S3Settings settings) {
        return new S3Clients(settings);
    }

    /** The main store's client, closed with the others by {@link S3Clients}. */
    @Bean(destroyMethod = "")
    @ConditionalOnMissingBean
    S3Client s3Client(S3Clients clients) {
        return clients.main();
    }
}
