package org.drcc.notification.command;

/** What a channel needs to deliver one message: the plan's contact (by audience and name) and the text. */
public record Envelope(String incidentId, String audience, String contact, String channel, String subject,
                       String body) {
}
