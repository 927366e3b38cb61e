package org.drcc.metrics.query;

import java.util.Optional;
import org.drcc.contract.notification.NotificationDeadlineBreachedEvent;
import org.drcc.contract.notification.NotificationDeadlineMetEvent;
import org.drcc.contract.notification.NotificationEvent;

/** A database or a notification tier seen by a projection: the gauges labelled by it are registered. */
public sealed interface ProjectedLabel {

    record Database(String name) implements ProjectedLabel {
    }

    record Tier(String name) implements ProjectedLabel {
    }

    static Optional<String> tierOf(NotificationEvent event) {
        if (event instanceof NotificationDeadlineMetEvent e) {
            return Optional.ofNullable(e.tier());
        }
        if (event instanceof NotificationDeadlineBreachedEvent e) {
            return Optional.ofNullable(e.tier());
        }
        return Optional.empty();
    }
}
