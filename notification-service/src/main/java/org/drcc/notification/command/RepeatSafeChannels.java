package org.drcc.notification.command;

import java.util.Set;

/**
 * Channels where sending the same message again does no harm: PagerDuty and Opsgenie fold it into
 * the alert of the same incident (dedup key, alias), the log is only a log.
 */
final class RepeatSafeChannels {

    private static final Set<String> SAFE = Set.of("pagerduty", "opsgenie", "log");

    private RepeatSafeChannels() {
    }

    static boolean contains(String channel) {
        return SAFE.contains(channel);
    }
}
