package org.drcc.notification.command;

/** Where a notification stands; only SCHEDULED and RETRYING may be claimed for sending. */
public enum DeliveryState {
    SCHEDULED, RETRYING, SENDING, SENT, FAILED;

    boolean notYetSent() {
        return this == SCHEDULED || this == RETRYING;
    }
}
