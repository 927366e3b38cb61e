package org.drcc.notification.status;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * A component's last {@code days} UTC days as a hosted status page draws them: one bar per day (operational, or
 * the minutes it was down) and the uptime over the whole span, computed from the recorded outages.
 */
public record UptimeBar(String component, double uptimePercent, List<Day> days) {

    /** One day: its date, the minutes of outage in it, and its state (operational, partial, major). */
    public record Day(LocalDate date, long downMinutes, String state) {
    }

    static UptimeBar of(String component, List<Outage> outages, Instant now, int days) {
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        List<Day> bars = new ArrayList<>();
        long down = 0;
        for (int back = days - 1; back >= 0; back--) {
            LocalDate date = today.minusDays(back);
            Instant from = date.atStartOfDay().toInstant(ZoneOffset.UTC);
            Instant to = back == 0 ? now : date.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);
            long seconds = 0;
            for (Outage outage : outages) {
                if (!outage.components().contains(component)) {
                    continue;
                }
                Instant start = outage.start().isAfter(from) ? outage.start() : from;
                Instant end = outage.end() == null || outage.end().isAfter(to) ? to : outage.end();
                if (end.isAfter(start)) {
                    seconds += Duration.between(start, end).toSeconds();
                }
            }
            // a started minute of outage counts: an outage of seconds still shows on its day
            long minutes = Math.min((seconds + 59) / 60, Math.max(1, Duration.between(from, to).toMinutes()));
            down += minutes;
            bars.add(new Day(date, minutes, minutes == 0 ? "operational" : minutes < 60 ? "partial" : "major"));
        }
        Instant spanStart = today.minusDays(days - 1L).atStartOfDay().toInstant(ZoneOffset.UTC);
        double total = Math.max(1, Duration.between(spanStart, now).toMinutes());
        double uptime = Math.floor((1 - down / total) * 10000) / 100;
        return new UptimeBar(component, uptime, bars);
    }
}
