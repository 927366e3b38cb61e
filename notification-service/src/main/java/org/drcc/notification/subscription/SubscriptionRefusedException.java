package org.drcc.notification.subscription;

/** A subscription refused as asked: {@code field} names what is wrong, {@code status} the HTTP status to answer. */
public final class SubscriptionRefusedException extends RuntimeException {

    private final String field;
    private final int status;

    public SubscriptionRefusedException(int status, String field, String message) {
        super(message);
        this.status = status;
        this.field = field;
    }

    public String field() {
        return field;
    }

    public int status() {
        return status;
    }
}
