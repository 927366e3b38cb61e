package org.drcc.notification.plan;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

/**
 * One way to reach an audience. {@code target} is what the channel needs: a webhook URL (Slack,
 * Teams, webhook), a routing key (PagerDuty), an API key (Opsgenie) or an e-mail address. It is
 * checked when the plan is loaded, so a typo stops the start-up instead of losing a message later.
 * {@code secret} signs the generic webhook. Targets and secrets are never shown by the API: it shows
 * {@link #shownAs()} instead (see {@code PlanDocuments}).
 */
public record Contact(@NotEmpty String name, @NotNull Channel channel, String target, String secret) {

    static final Contact LOG = new Contact("log", Channel.LOG, "", null);

    public Contact {
        if (channel != null) {
            String problem = channel.check(target, secret);
            if (problem != null) {
                throw new IllegalArgumentException("contact " + name + " (" + channel.id() + "): " + problem);
            }
        }
    }

    /** What the plan API shows: the URL host or the address, never a key. */
    public String shownAs() {
        return channel.show(target);
    }
}
