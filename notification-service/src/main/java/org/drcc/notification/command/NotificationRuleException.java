package org.drcc.notification.command;

/** A command the notification's rules refuse; nothing was stored. */
public class NotificationRuleException extends RuntimeException {

    public NotificationRuleException(String message) {
        super(message);
    }
}
