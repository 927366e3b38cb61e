package org.drcc.notification.policy;

/** The caller may not acknowledge this message (403); nothing was recorded. */
public class AcknowledgeRefusedException extends RuntimeException {

    public AcknowledgeRefusedException(String message) {
        super(message);
    }
}
