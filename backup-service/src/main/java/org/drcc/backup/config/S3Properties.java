package org.drcc.backup.config;

import java.net.URI;
import java.util.Map;
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
 * @param tiers             per tier ({@code secondary}, {@code tertiary}): another S3 endpoint for its
 *                          bucket, e.g. another cloud or an off-site MinIO; unset values are the primary's
 */
@ConfigurationProperties("dr.s3")
public record S3Properties(
        URI endpoint,
        @DefaultValue("dr-local") String accessKey,
        @DefaultValue("dr-local-secret") String secretKey,
        @DefaultValue("us-east-1") String region,
        @DefaultValue("8MB") DataSize partSize,
        @DefaultValue("2") int uploadConcurrency,
        @DefaultValue Buckets buckets,
        Map<String, TierStore> tiers) {

    public S3Properties {
        tiers = tiers == null ? Map.of() : Map.copyOf(tiers);
    }

    /** The plan's three copies: the primary, then the secondary and tertiary tiers. */
    public record Buckets(
            @DefaultValue("dr-backups-primary") String primary,
            @DefaultValue("dr-backups-secondary") String secondary,
            @DefaultValue("dr-backups-tertiary") String tertiary) {
    }

    /** The bucket of a tier and the store it is on, where that is not the primary's. */
    public Map<String, TierStore> tierStoresByBucket() {
        Map<String, TierStore> byBucket = new java.util.LinkedHashMap<>();
        tiers.forEach((tier, store) -> {
            String bucket = switch (tier) {
                case "secondary" -> buckets.secondary();
                case "tertiary" -> buckets.tertiary();
                default -> throw new IllegalArgumentException("dr.s3.tiers." + tier
                        + ": unknown tier; the tiers on their own endpoint can be secondary and tertiary");
            };
            byBucket.put(bucket, store);
        });
        return byBucket;
    }

    /** A tier's own S3 endpoint and credentials; each unset value falls back to the primary's. */
    public record TierStore(URI endpoint, String accessKey, String secretKey, String region) {

        @Override
        public String toString() {
            return "TierStore[endpoint=" + endpoint + ", accessKey=" + accessKey + ", secretKey=******, region=" + region + "]";
        }
    }

    /** Never prints the secret key, should anything log these settings. */
    @Override
    public String toString() {
        return "S3Properties[endpoint=" + endpoint + ", accessKey=" + accessKey + ", secretKey=******, region=" + region
                + ", partSize=" + partSize + ", buckets=" + buckets + ", tiers=" + tiers + "]";
    }
}
