package org.drcc.backup.storage;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * How the backups use S3; where the store is and how to sign in to it are service-kit's {@code dr.s3.*}
 * settings ({@code org.drcc.kit.s3.S3Settings}), a tier on its own endpoint among them.
 *
 * @param partSize          multipart part size (S3's minimum is 5 MB, at most 10,000 parts an object)
 * @param uploadConcurrency parts uploaded at once while the next is read; an upload holds
 *                          (uploadConcurrency + 1) parts in memory
 */
@ConfigurationProperties("dr.s3")
public record S3Properties(
        @DefaultValue("8MB") DataSize partSize,
        @DefaultValue("2") int uploadConcurrency,
        @DefaultValue Buckets buckets) {

    /** The plan's three copies: the primary, then the secondary and tertiary tiers. */
    public record Buckets(
            @DefaultValue("dr-backups-primary") String primary,
            @DefaultValue("dr-backups-secondary") String secondary,
            @DefaultValue("dr-backups-tertiary") String tertiary) {

        /**
         * Three buckets of three names: a backup's copies are told apart by their bucket's name (the tier a dump was
         * written to, a proven copy, a catalogue rebuilt from a tier), even where the tiers are on endpoints of their
         * own. Two tiers in one bucket would be one copy counted as two, and the day it is lost, both are.
         */
        public Buckets {
            if (primary.equals(secondary) || primary.equals(tertiary) || secondary.equals(tertiary)) {
                throw new IllegalArgumentException("dr.s3.buckets.primary, .secondary and .tertiary must name three "
                        + "different buckets (each tier is a copy of its own), were '" + primary + "', '" + secondary
                        + "' and '" + tertiary + "'");
            }
        }

        /** Each tier's bucket, in the plan's order: primary, secondary, tertiary. */
        public Map<String, String> byTier() {
            Map<String, String> tiers = new LinkedHashMap<>();
            tiers.put("primary", primary);
            tiers.put("secondary", secondary);
            tiers.put("tertiary", tertiary);
            return tiers;
        }

        /** The tier whose bucket {@code bucket} is; empty for a bucket no tier names (any more). */
        public Optional<String> tierOf(String bucket) {
            return byTier().entrySet().stream().filter(t -> t.getValue().equals(bucket)).map(Map.Entry::getKey)
                    .findFirst();
        }
    }

    /** The bucket of a tier that has a store of its own ({@code dr.s3.tiers.<tier>}). */
    public String bucketOfTier(String tier) {
        return switch (tier) {
            case "secondary" -> buckets.secondary();
            case "tertiary" -> buckets.tertiary();
            default -> throw new IllegalArgumentException("dr.s3.tiers." + tier
                    + ": unknown tier; the tiers on their own endpoint can be secondary and tertiary");
        };
    }
}
