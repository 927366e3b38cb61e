package org.drcc.kit.limits;

import java.time.Duration;
import org.springframework.http.HttpMethod;

/**
 * At most {@code permits} calls of an expensive operation per {@code period}, per caller (the token's
 * name); the next one is refused with 429 and Retry-After.
 */
public record RateLimit(HttpMethod method, String pattern, int permits, Duration period) {
}
