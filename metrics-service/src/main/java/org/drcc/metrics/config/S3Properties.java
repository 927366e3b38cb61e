package org.drcc.metrics.config;

import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** The S3 server (DR_S3_ENDPOINT, ...); the defaults fit the local S3 server of ./dr up, which takes any key. */
@ConfigurationProperties("dr.s3")
public record S3Properties(
        @DefaultValue("http://127.0.0.1:19000") URI endpoint,
        @DefaultValue("us-east-1") String region,
        @DefaultValue("dr") String accessKey,
        @DefaultValue("dr") String secretKey) {

    /** Never prints the secret key, should anything log these settings. */
    @Override
    public String toString() {
        return "S3Properties[endpoint=" + endpoint + ", region=" + region + ", accessKey=" + accessKey
                + ", secretKey=******]";
    }
}
