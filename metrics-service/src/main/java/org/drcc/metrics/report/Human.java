package org.drcc.metrics.report;

import java.time.Duration;
import java.util.Locale;
import org.drcc.metrics.figures.Measured;
import org.drcc.metrics.figures.Rate;

/** Figures as a reader of the report writes them: hours and minutes, percentages with their counts. */
final class Human {

    private Human() {
    }

    static String duration(Duration d) {
        if (d == null) {
            return "no data";
        }
        long minutes = d.toMinutes();
        return String.format(Locale.ROOT, "%d h %02d min", minutes / 60, minutes % 60);
    }

    /** The two events a figure was computed from: type, id and field of each end. */
    static String clock(Measured m) {
        return end(m.from()) + " → " + end(m.to());
    }

    private static String end(Measured.End e) {
        return e.eventType() + " " + (e.eventId() == null ? "(id not kept)" : e.eventId()) + " " + e.field();
    }

    static String rate(Rate r) {
        if (r.ratio() == null) {
            return "no data";
        }
        return String.format(Locale.ROOT, "%.1f %% (%d of %d)", r.ratio() * 100, r.achieved(), r.counted());
    }

    static String orDash(Object value) {
        return value == null ? "–" : value.toString();
    }
}
