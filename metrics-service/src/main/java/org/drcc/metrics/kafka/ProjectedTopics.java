package org.drcc.metrics.kafka;

import java.util.List;
import org.drcc.contract.Topics;

/**
 * The topics the facts are projected from, read by the listener and by the replay. Extension point:
 * dr.backup.events and dr.notification.events join here once their events exist in the contract.
 */
final class ProjectedTopics {

    static final List<String> ALL = List.of(Topics.INCIDENT_EVENTS);

    private ProjectedTopics() {
    }
}
