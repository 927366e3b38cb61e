package org.drcc.kit.correlation;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * One correlation id follows an operator's request through every service it causes work in: taken from (or given
 * in) the HTTP header {@value #HTTP_HEADER}, kept in the log context as {@value #LOG_KEY} (so each log line of that
 * work names it; the {@code prod} profile logs JSON with it as a field), carried by the events the request caused
 * as Axon metadata {@value #METADATA_KEY}, and by their Kafka records as the header {@value #KAFKA_HEADER}, which a
 * consuming service puts back into its log context and into the events it stores in turn.
 */
public final class Correlation {

    public static final String HTTP_HEADER = "X-Correlation-Id";
    public static final String KAFKA_HEADER = "dr-correlation-id";
    public static final String METADATA_KEY = "dr-correlation-id";
    public static final String LOG_KEY = "correlationId";

    /** What a caller may send: it ends up in logs and headers, so nothing that could forge a log line. */
    private static final Pattern ACCEPTED = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    private Correlation() {
    }

    /** The caller's id when it is acceptable, else a new one. */
    static String fromCaller(String given) {
        return given != null && ACCEPTED.matcher(given).matches() ? given : UUID.randomUUID().toString();
    }

    /** An id read back from a record or an event, or null when absent or not one we would have written. */
    static String carried(Object value) {
        return value instanceof String s && ACCEPTED.matcher(s).matches() ? s : null;
    }
}
