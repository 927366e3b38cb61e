package org.drcc.incident.review;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.drcc.contract.plan.ReviewKind;

/** Which calendar period (UTC) a periodic review of the schedule belongs to, its id and when it is due. */
public final class ReviewPeriods {

    private ReviewPeriods() {
    }

    /** The review of the period {@code now} falls in: {@code monthly-2026-11} due 2026-12-01T00:00:00Z, and so on. */
    public static Owed current(ReviewKind kind, Instant now) {
        LocalDate day = LocalDate.ofInstant(now, ZoneOffset.UTC);
        return switch (kind) {
            case MONTHLY -> new Owed("monthly-" + day.getYear() + "-" + String.format("%02d", day.getMonthValue()),
                    start(day.withDayOfMonth(1).plusMonths(1)));
            case QUARTERLY -> {
                int quarter = (day.getMonthValue() - 1) / 3 + 1;
                yield new Owed("quarterly-" + day.getYear() + "-Q" + quarter,
                        start(LocalDate.of(day.getYear(), 1, 1).plusMonths(3L * quarter)));
            }
            case ANNUAL -> new Owed("annual-" + day.getYear(), start(LocalDate.of(day.getYear() + 1, 1, 1)));
            case POST_INCIDENT -> throw new IllegalArgumentException("a post-incident review follows an incident");
        };
    }

    public static String postIncident(String incidentId) {
        return "post-incident-" + incidentId;
    }

    private static Instant start(LocalDate day) {
        return day.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** A review's id and the instant it is due by. */
    public record Owed(String reviewId, Instant dueAt) {
    }
}
