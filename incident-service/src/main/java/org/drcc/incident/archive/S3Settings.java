package org.drcc.incident.archive;

import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** The S3 store of the audit bucket; the same {@code dr.s3.*} settings as the backup-service. */
@ConfigurationProperties("dr.s3")
public record S3Settings(
        URI endpoint,
        @DefaultValue("dr-local") String accessKey,
        @DefaultValue("dr-local-secret") String secretKey,
        @DefaultValue("us-east-1") String region) {
}
