package org.drcc.archive;

import java.time.Duration;
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
     * as the primary's; the copy is signed with the same audit key.
     *
     * @param bucket  the copy's bucket; unset or blank: no off-site copy
     * @param store   the S3 store it is on, by name: {@code dr.s3.tiers.<store>.*} gives its endpoint and
     *                credentials (each unset value is the main store's); unset: the main store
     * @param groupId the copy's archiver's Kafka consumer group
     */
    public record Offsite(String bucket, String store, @DefaultValue("audit-archiver-offsite") String groupId) {

        public boolean configured() {
            return bucket != null && !bucket.isBlank();
        }

        /** The store's name as {@code S3Clients} knows it ({@code main} when none is named). */
        public String storeName() {
            return store == null || store.isBlank() ? "main" : store;
        }
    }
}
