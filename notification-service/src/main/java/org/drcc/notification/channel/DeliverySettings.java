package org.drcc.notification.channel;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code dr.notification}: where the SaaS channels live (overridable so tests and proxies can stand
 * in), the sender address, how long a channel may take, how a refused message is retried, and how many messages of
 * one channel are on their way at a time.
 */
@ConfigurationProperties("dr.notification")
public record DeliverySettings(
        @DefaultValue("https://events.pagerduty.com") URI pagerdutyUrl,
        @DefaultValue("https://api.opsgenie.com") URI opsgenieUrl,
        @DefaultValue("dr-command-centre@localhost") String mailFrom,
        @DefaultValue("PT5S") Duration timeout,
        @DefaultValue("5") int maxAttempts,
        @DefaultValue("PT10S") Duration initialBackoff,
        @DefaultValue("3.0") double backoffMultiplier,
        @DefaultValue("classpath:/templates/notification/") String templates,
        @DefaultValue("8") int sendersPerChannel) {

    public DeliverySettings {
        if (sendersPerChannel < 1) {
            throw new IllegalArgumentException("dr.notification.senders-per-channel must be at least 1 (got "
                    + sendersPerChannel + ")");
        }
    }
}
