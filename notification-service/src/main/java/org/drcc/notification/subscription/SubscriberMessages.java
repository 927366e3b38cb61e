package org.drcc.notification.subscription;

import java.util.List;
import java.util.Map;

/**
 * The text a subscriber is told of one line of the page: the incident's public title, its stage in the public's
 * words, the text a person published (a stage change without text gets the hosted status pages' usual sentence),
 * the affected components and the page's address. Only what the page itself shows; the unsubscribe link is added
 * when the message is sent, so no token is in an event.
 */
public final class SubscriberMessages {

    private static final Map<String, String> STAGE_TEXT = Map.of(
            "investigating", "We are investigating a disruption of our service.",
            "identified", "The cause has been identified and a fix is under way.",
            "monitoring", "Service is restored; we are monitoring it.",
            "resolved", "This incident is resolved.");

    private SubscriberMessages() {
    }

    /** The subject: page, incident, stage. */
    public static String subject(String page, String incidentTitle, String stage) {
        return "[" + page + " status] " + incidentTitle + ": " + ("update".equals(stage) ? "update" : stage);
    }

    /** The body, without the unsubscribe link. */
    public static String body(String incidentTitle, String stage, String text, List<String> components,
                              String pageLink) {
        String said = text != null && !text.isBlank() ? text : STAGE_TEXT.getOrDefault(stage, "");
        StringBuilder out = new StringBuilder();
        out.append(incidentTitle).append("\n\n");
        if (!"update".equals(stage)) {
            out.append(Character.toUpperCase(stage.charAt(0))).append(stage.substring(1)).append(": ");
        }
        out.append(said).append('\n');
        if (!components.isEmpty()) {
            out.append("\nAffects: ").append(String.join(", ", components)).append('\n');
        }
        out.append("\nThe status page: ").append(pageLink);
        return out.toString();
    }
}
