package org.drcc.notification.command;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * The id of a notification is a name-based UUID of (source event id, audience, contact): the same
 * incident event, however often Kafka or a restart delivers it, always names the same aggregate.
 */
public final class NotificationId {

    private NotificationId() {
    }

    public static String of(String sourceEventId, String audience, String contact) {
        String name = sourceEventId + '\n' + audience + '\n' + contact;
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }
}
