package org.drcc.metrics.kafka;

import java.util.List;
import org.drcc.contract.Topics;

/** The topics the facts are projected from, read by the listeners and by the replay. */
final class ProjectedTopics {

    static final List<String> ALL = List.of(Topics.INCIDENT_EVENTS, Topics.BACKUP_EVENTS, Topics.NOTIFICATION_EVENTS,
            Topics.PLAN_EVENTS, Topics.DRILL_EVENTS);

    private ProjectedTopics() {
    }
}
