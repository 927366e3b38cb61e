package org.drcc.kit.limits;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits against abuse (OWASP API4). {@code maxRequestBody}: a larger declared body is refused with 413
 * before it is read. {@code rateLimits}: off switch for the per-caller rate limits (tests of other things).
 */
@ConfigurationProperties("dr.limits")
public record LimitsProperties(@DefaultValue("1MB") DataSize maxRequestBody,
                               @DefaultValue("true") boolean rateLimits) {
}
