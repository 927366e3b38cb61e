package org.drcc.kit.limits;

import java.time.Duration;
import org.springframework.http.HttpMethod;

/**
 * At most {@code permits} calls of an expensive operation per {@code period}, per caller (the token's
 * name); the next one is refused with 429 and Retry-After. With {@code parameter}, only the calls that
 * carry that query parameter count (an incident's state {@code asOf} an instant replays its events; the
 * plain read does not).
 */
public record RateLimit(HttpMethod method, String pattern, int permits, Duration period, String parameter) {

    public RateLimit(HttpMethod method, String pattern, int permits, Duration period) {
        this(method, pattern, permits, period, null);
    }

    /** The limit of the calls of {@code pattern} that carry the query parameter {@code parameter}. */
    public static RateLimit withParameter(HttpMethod method, String pattern, String parameter, int permits,
                                          Duration period) {
        return new RateLimit(method, pattern, permits, period, parameter);
    }

    String operation() {
        return method + " " + pattern + (parameter == null ? "" : "?" + parameter);
    }
}
