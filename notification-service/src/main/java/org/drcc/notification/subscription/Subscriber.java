package org.drcc.notification.subscription;

/** A subscription as its messages need it: the channel, its status, and the target and token opened. */
public record Subscriber(String subscriptionId, String channel, String status, String target, String token) {

    public boolean confirmed() {
        return "CONFIRMED".equals(status);
    }

    public boolean pending() {
        return "PENDING".equals(status);
    }
}
