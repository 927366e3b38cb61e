package org.drcc.notification.plan;

import com.fasterxml.jackson.annotation.JsonValue;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.net.URI;
import java.util.Locale;

/** The channels a contact can use, each with the check its target must pass. */
public enum Channel {
    SLACK, TEAMS, PAGERDUTY, OPSGENIE, WEBHOOK, EMAIL, LOG;

    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Null when the target fits the channel, else the reason it does not. */
    String check(String target, String secret) {
        return switch (this) {
            case SLACK, TEAMS -> url(target);
            case WEBHOOK -> url(target) != null ? url(target)
                    : secret == null || secret.isBlank() ? "a signing secret is required" : null;
            case PAGERDUTY, OPSGENIE -> target == null || target.isBlank() ? "a key is required" : null;
            case EMAIL -> email(target);
            case LOG -> null;
        };
    }

    /**
     * Null when {@code target} is an address of this channel (an http(s) URL with a host, or an e-mail address),
     * else why not; the target alone, without a secret (a status page subscriber's address or URL).
     */
    public String checkTarget(String target) {
        return this == WEBHOOK ? url(target) : check(target, null);
    }

    /** Whether the target is a URL this service calls (and so must pass the egress guard). */
    boolean calledByUrl() {
        return this == SLACK || this == TEAMS || this == WEBHOOK;
    }

    String show(String target) {
        return switch (this) {
            case SLACK, TEAMS, WEBHOOK -> URI.create(target).getHost();
            case EMAIL -> target;
            case PAGERDUTY, OPSGENIE, LOG -> "";
        };
    }

    /**
     * Why the target is not a webhook URL. The target itself is never repeated: a Slack or Teams webhook URL carries
     * its key in its path, and the reason reaches the API's answer, the start-up log and the info endpoint.
     */
    private static String url(String target) {
        if (target == null || target.isBlank()) {
            return "a webhook URL is required";
        }
        try {
            URI uri = new URI(target);
            if (uri.getScheme() == null) {
                return "not an http(s) URL: it has no scheme (write it as https://...)";
            }
            if (!"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme())) {
                return "not an http(s) URL: its scheme is '" + uri.getScheme() + "'";
            }
            return uri.getHost() == null ? "an http(s) URL without a host" : null;
        } catch (java.net.URISyntaxException e) {
            return "not a URL: " + e.getReason();
        }
    }

    private static String email(String target) {
        try {
            new InternetAddress(target == null ? "" : target, true).validate();
            return target.contains("@") ? null : "'" + target + "' is not an e-mail address: no domain";
        } catch (AddressException e) {
            return "'" + target + "' is not an e-mail address: " + e.getMessage();
        }
    }
}
