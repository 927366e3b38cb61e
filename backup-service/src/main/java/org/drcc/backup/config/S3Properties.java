package org.drcc.backup.config;

import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The S3 store of the backups. The default credentials are harmless ones the local S3Mock accepts;
 * a real deployment sets them from its secrets.
 *
 * @param endpoint  an S3-compatible endpoint (path-style); empty for AWS itself
 * @param partSize          multipart part size (S3's minimum is 5 MB, at most 10,000 parts an object)
 * @param uploadConcurrency parts uploaded at once while the next is read; an upload holds
 *                          (uploadConcurrency + 1) parts in memory
 */
@ConfigurationProperties("dr.s3")
public record S3Properties(
        URI endpoint,
        @DefaultValue("dr-local") String accessKey,
        @DefaultValue("dr-local-secret") String secretKey,
        @DefaultValue("us-east-1") String region,
        @DefaultValue("8MB") DataSize partSize,
        @DefaultValue("2") int uploadConcurrency,
        @DefaultValue Buckets buckets) {

    /** The plan's three copies: the primary, then the secondary and tertiary tiers. */
    public record Buckets(
            @DefaultValue("dr-backups-primary") String primary,
            @DefaultValue("dr-backups-secondary") String secondary,
            @DefaultValue("dr-backups-tertiary") String tertiary) {
    }

    /** Never prints the secret key, should anything log these settings. */
    @Override
    public String toString() {
        return "S3Properties[endpoint=" + endpoint + ", accessKey=" + accessKey + ", secretKey=******, region=" + region
                + ", partSize=" + partSize + ", buckets=" + buckets + "]";
    }
}
