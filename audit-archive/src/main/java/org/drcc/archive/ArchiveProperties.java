package org.drcc.archive;

import java.net.URI;
import java.time.Duration;
import org.drcc.kit.s3.S3Settings;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The audit archive: every {@code dr.*.events} topic, cut into signed segments in the audit bucket.
 *
 * @param topicPattern   which topics to archive; a pattern, so a new {@code dr.*.events} topic is picked up
 * @param segmentEvents  a segment is cut when it holds this many events ...
 * @param segmentAge     ... or when its oldest event has waited this long
 * @param retentionDays  S3 Object Lock retention in COMPLIANCE mode (the plan: 7 years)
 * @param readAhead      segments whose objects a verification or a replay reads while it handles an earlier one
 *                       (each read is a round trip to the store: one after the other, a long archive takes that many)
 * @param offsite        a second, whole copy of the archive on another store (see {@link Offsite}); none by default
 */
@ConfigurationProperties("dr.archive")
public record ArchiveProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("dr-audit-archive") String bucket,
        @DefaultValue("dr\\..+\\.events") String topicPattern,
        @DefaultValue("audit-archiver") String groupId,
        @DefaultValue("1000") int segmentEvents,
        @DefaultValue("PT1M") Duration segmentAge,
        @DefaultValue("2557") int retentionDays,
        @DefaultValue("8") int readAhead,
        @DefaultValue Offsite offsite) {

    /**
     * The off-site copy: every topic archived a second time, by an archiver of its own, into a bucket on a store in
     * another region, so that the seven-year trail outlives the primary site's store. Make the bucket with Object Lock
     * as the primary's; the copy is signed with the same audit key. Its store is its own S3 client, not one of the
     * kit's stores ({@code dr.s3.*}), so that the service's S3 health does not go DOWN with the other region: the
     * archive's health and gauges say when the copy cannot be written.
     *
     * @param bucket    the copy's bucket, named apart from the primary's (the retention events are keyed by bucket);
     *                  unset or blank: no off-site copy
     * @param endpoint  its S3-compatible endpoint; unset or blank: the main store's ({@code dr.s3.endpoint})
     * @param accessKey its user there (deploy/minio/offsite); unset or blank: the main store's
     * @param secretKey that user's secret; unset or blank: the main store's
     * @param region    its region; unset or blank: the main store's
     * @param groupId   the copy's archiver's Kafka consumer group
     */
    public record Offsite(String bucket, URI endpoint, String accessKey, String secretKey, String region,
                          @DefaultValue("audit-archiver-offsite") String groupId) {

        public boolean configured() {
            return bucket != null && !bucket.isBlank();
        }

        /** Its store, each unset value taken from the main one. */
        public S3Settings.Store store(S3Settings.Store main) {
            return new S3Settings.Store(endpoint == null || endpoint.toString().isBlank() ? main.endpoint() : endpoint,
                    blank(accessKey) ? main.accessKey() : accessKey, blank(secretKey) ? main.secretKey() : secretKey,
                    blank(region) ? main.region() : region);
        }

        private static boolean blank(String value) {
            return value == null || value.isBlank();
        }

        /** Never prints the secret key, should anything log these settings. */
        @Override
        public String toString() {
            return "Offsite[bucket=" + bucket + ", endpoint=" + endpoint + ", accessKey=" + accessKey
                    + ", secretKey=******, region=" + region + ", groupId=" + groupId + "]";
        }
    }
}
