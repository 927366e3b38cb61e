package org.drcc.archive;

import java.time.Instant;

/**
 * What verify found in the chains of one Kafka cluster.
 *
 * @param cluster           the cluster id; null when segments from before cluster ids have no recorded owner
 * @param current           the cluster Kafka answers for now (its chains are also checked against the archiver's offsets)
 * @param beforeClusterIds  kept in the layout from before cluster ids ({@code segments/…})
 * @param firstTime         when Kafka received its oldest archived event; null for none
 * @param lastTime          when Kafka received its newest archived event
 */
public record ClusterReport(String cluster, boolean current, boolean beforeClusterIds, int partitions,
                            long segmentsChecked, long eventsChecked, Instant firstTime, Instant lastTime,
                            boolean intact, ArchiveBreak firstBreak) {
}
