package org.drcc.metrics.web;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import org.drcc.metrics.figures.Period;

/** Reads ?from=&to= : ISO-8601 instants, or dates meaning their midnight UTC; the last 30 days by default. */
final class PeriodParameters {

    static final Duration DEFAULT_LENGTH = Duration.ofDays(30);

    private PeriodParameters() {
    }

    static Period parse(String from, String to, Instant now) {
        Instant end = to == null || to.isBlank() ? now : instant("to", to);
        Instant start = from == null || from.isBlank() ? end.minus(DEFAULT_LENGTH) : instant("from", from);
        if (!start.isBefore(end)) {
            throw new InvalidParameterException("to", "to (" + end + ") must be after from (" + start + ")");
        }
        return new Period(start, end);
    }

    private static Instant instant(String name, String value) {
        try {
            return value.contains("T") ? Instant.parse(value)
                    : LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidParameterException(name, name + " '" + value
                    + "' is neither an ISO-8601 instant (2026-11-01T00:00:00Z) nor a date (2026-11-01)");
        }
    }
}
