package org.drcc.notification.subscription;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code dr.status-page.subscriptions}: where the page is reached from outside ({@code public-url}, for the links in
 * the messages), how long an e-mail subscription may stay unconfirmed, the rate limits of subscribing (per client
 * address and per target), and how many subscriber messages the dispatcher takes per round and the fan-out schedules
 * per round, so a burst of subscribers never holds up the plan's own messages.
 */
@ConfigurationProperties("dr.status-page.subscriptions")
public record SubscriptionSettings(@DefaultValue("http://localhost:8083") URI publicUrl,
                                   @DefaultValue("PT48H") Duration confirmWithin,
                                   @DefaultValue("10") int perClientAddress,
                                   @DefaultValue("PT10M") Duration perClientPeriod,
                                   @DefaultValue("3") int perTarget,
                                   @DefaultValue("PT1H") Duration perTargetPeriod,
                                   @DefaultValue("50") int perRound,
                                   @DefaultValue("200") int fanOutBatch) {

    /** A link to {@code path} (with its query) on the page's public address. */
    public String link(String path) {
        String base = publicUrl.toString();
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path;
    }

    public String confirmLink(String token) {
        return link("/status/subscriptions/confirm?token=" + token);
    }

    public String unsubscribeLink(String token) {
        return link("/status/subscriptions/unsubscribe?token=" + token);
    }
}
