package org.drcc.console.page;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import org.springframework.stereotype.Component;

/**
 * Instants for people: to the minute, in UTC on the server; the page's script rewrites each {@code <time>} in the
 * reader's own zone. Templates call it as {@code @times}.
 */
@Component("times")
public class Times {

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    /** "30 Nov 2026, 13:40 UTC"; empty for nothing. */
    public String human(Object instant) {
        Instant at = parse(instant);
        return at == null ? "" : UTC.format(at);
    }

    /** The machine-readable form for {@code <time datetime>}: to the second, no fractions. */
    public String iso(Object instant) {
        Instant at = parse(instant);
        return at == null ? "" : at.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    private static Instant parse(Object instant) {
        if (instant instanceof Instant at) {
            return at;
        }
        if (instant == null || instant.toString().isBlank()) {
            return null;
        }
        return Instant.parse(instant.toString());
    }
}
