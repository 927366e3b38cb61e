package org.drcc.notification.command;

/** Where a notification stands; only SCHEDULED and RETRYING may be sent. */
public enum DeliveryState {
    SCHEDULED, RETRYING, SENT, FAILED;

    boolean notYetSent() {
        return this == SCHEDULED || this == RETRYING;
    }
}
