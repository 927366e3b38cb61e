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
        @DefaultValue("8") int readAhead) {
}
