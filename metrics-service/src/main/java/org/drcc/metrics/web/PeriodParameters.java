package org.drcc.metrics.web;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.function.UnaryOperator;
import org.drcc.metrics.figures.Period;

/**
 * Reads ?from=&to= : ISO-8601 instants, or dates meaning their midnight UTC; the last 30 days by default (the SLA:
 * the year to date).
 */
final class PeriodParameters {

    static final Duration DEFAULT_LENGTH = Duration.ofDays(30);

    private PeriodParameters() {
    }

    static Period parse(String from, String to, Instant now) {
        return parse(from, to, now, end -> end.minus(DEFAULT_LENGTH));
    }

    /** As {@link #parse}, but {@code from} defaults to the start of the calendar year (UTC) of {@code to}: the SLA's. */
    static Period yearToDate(String from, String to, Instant now) {
        return parse(from, to, now, end -> LocalDate.ofInstant(end.minusNanos(1), ZoneOffset.UTC).withDayOfYear(1)
                .atStartOfDay(ZoneOffset.UTC).toInstant());
    }

    private static Period parse(String from, String to, Instant now, UnaryOperator<Instant> defaultStart) {
        Instant end = to == null || to.isBlank() ? now : instant("to", to);
        Instant start = from == null || from.isBlank() ? defaultStart.apply(end) : instant("from", from);
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
