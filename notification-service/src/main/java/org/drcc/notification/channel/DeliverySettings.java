package org.drcc.notification.channel;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code dr.notification}: where the SaaS channels live (overridable so tests and proxies can stand
 * in), the sender address, how long a channel may take, and how a refused message is retried.
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
        @DefaultValue("classpath:/templates/notification/") String templates) {
}
