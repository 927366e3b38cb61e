package org.drcc.kit.kafka;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How often a record that fails for another reason than an engine outage is tried again before it is parked on
 * the dead-letter topic ({@code dr.kafka.dead-letter.*}): by default 4 more times, 1 s, 2 s, 4 s, 8 s apart.
 */
@ConfigurationProperties("dr.kafka.dead-letter")
public record DeadLetterSettings(@DefaultValue("4") int maxRetries, @DefaultValue("1s") Duration initialInterval,
                                 @DefaultValue("10s") Duration maxInterval) {
}
