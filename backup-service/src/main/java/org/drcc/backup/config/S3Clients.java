package org.drcc.backup.config;

import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.S3Configuration;

/**
 * S3 clients as the backups need them. Path-style, because S3-compatible servers (S3Mock, MinIO) do not
 * serve bucket host names. The SDK's newer default checksums are asked for only where S3 requires them:
 * those servers differ in their support, and the service computes its own SHA-256 of every object anyway.
 * Bodies are sent as they are, not in signed aws-chunked encoding: every part is in memory already, so
 * its hash costs one pass; some S3-compatible servers refuse aws-chunked, and the others spend CPU
 * decoding it.
 */
public final class S3Clients {

    private S3Clients() {
    }

    /** A client of {@code endpoint} (null or blank: AWS itself). */
    public static S3Client of(URI endpoint, String accessKey, String secretKey, String region) {
        S3ClientBuilder builder = S3Client.builder()
                .region(Region.of(region))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secretKey)))
                .forcePathStyle(true)
                .serviceConfiguration(S3Configuration.builder().chunkedEncodingEnabled(false).build())
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
        if (endpoint != null && !endpoint.toString().isBlank()) {
            builder.endpointOverride(endpoint);
        }
        return builder.build();
    }
}
