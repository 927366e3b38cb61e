package org.drcc.notification.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class UptimeBarTest {

    private final Instant now = Instant.parse("2026-11-30T12:00:00Z");

    @Test
    void aDayWithAnOutageOfTheComponentIsMarkedWithItsMinutes() {
        List<Outage> outages = List.of(
                new Outage(List.of("Ordering"), Instant.parse("2026-11-29T23:30:00Z"), Instant.parse("2026-11-30T01:00:00Z")),
                new Outage(List.of("Payments"), Instant.parse("2026-11-20T10:00:00Z"), Instant.parse("2026-11-20T18:00:00Z")));
        UptimeBar bar = UptimeBar.of("Ordering", outages, now, 90);

        assertThat(bar.days()).hasSize(90);
        assertThat(bar.days().get(88)).isEqualTo(new UptimeBar.Day(java.time.LocalDate.parse("2026-11-29"), 30, "partial"));
        assertThat(bar.days().get(89)).isEqualTo(new UptimeBar.Day(java.time.LocalDate.parse("2026-11-30"), 60, "major"));
        assertThat(bar.days().stream().filter(d -> !d.state().equals("operational"))).hasSize(2);
        assertThat(bar.uptimePercent()).isBetween(99.9, 99.99);
    }

    @Test
    void anOngoingOutageCountsUntilNow() {
        UptimeBar bar = UptimeBar.of("Ordering",
                List.of(new Outage(List.of("Ordering"), Instant.parse("2026-11-30T10:00:00Z"), null)), now, 90);
        assertThat(bar.days().get(89).downMinutes()).isEqualTo(120);
    }

    @Test
    void anOutageOfSecondsStillShowsOnItsDay() {
        UptimeBar bar = UptimeBar.of("Ordering", List.of(new Outage(List.of("Ordering"),
                Instant.parse("2026-11-30T11:00:00Z"), Instant.parse("2026-11-30T11:00:20Z"))), now, 90);
        assertThat(bar.days().get(89)).isEqualTo(new UptimeBar.Day(java.time.LocalDate.parse("2026-11-30"), 1, "partial"));
    }
}
