package org.drcc.kit.limits;

import java.time.Duration;
import org.springframework.http.HttpMethod;

/**
 * At most {@code permits} calls of an operation per {@code period}, per caller (the token's name) or, for a
 * public operation, per client address; the next one is refused with 429 and Retry-After. With {@code parameter},
 * only the calls that carry that query parameter count (an incident's state {@code asOf} an instant replays its
 * events; the plain read does not).
 */
public record RateLimit(HttpMethod method, String pattern, int permits, Duration period, String parameter, Scope scope) {

    /** Whom one limiter counts: a signed-in caller, or the client address of a public operation's calls. */
    public enum Scope { CALLER, CLIENT_ADDRESS }

    public RateLimit(HttpMethod method, String pattern, int permits, Duration period) {
        this(method, pattern, permits, period, null, Scope.CALLER);
    }

    public RateLimit(HttpMethod method, String pattern, int permits, Duration period, String parameter) {
        this(method, pattern, permits, period, parameter, Scope.CALLER);
    }

    /** The limit of the calls of {@code pattern} that carry the query parameter {@code parameter}. */
    public static RateLimit withParameter(HttpMethod method, String pattern, String parameter, int permits,
                                          Duration period) {
        return new RateLimit(method, pattern, permits, period, parameter, Scope.CALLER);
    }

    /** A public operation (no token) limited per client address (the connection's remote address). */
    public static RateLimit perClientAddress(HttpMethod method, String pattern, int permits, Duration period) {
        return new RateLimit(method, pattern, permits, period, null, Scope.CLIENT_ADDRESS);
    }

    String operation() {
        return method + " " + pattern + (parameter == null ? "" : "?" + parameter);
    }

    /** Whom the limit is counted for, in words (the 429's detail and the API document say it). */
    public String per() {
        return scope == Scope.CLIENT_ADDRESS ? "client address" : "caller";
    }
}
