package org.drcc.metrics.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.springframework.scheduling.support.CronExpression;

/** When the monthly report is generated, and for which month. */
class MonthlyReportScheduleTest {

    private final CronExpression cron = CronExpression.parse(MonthlyReportSchedule.DEFAULT_CRON);

    @Test
    void runsOnceAMonthOnTheFirstShortlyAfterMidnightUtc() {
        assertThat(cron.next(LocalDateTime.parse("2026-11-15T10:00:00")))
                .isEqualTo(LocalDateTime.parse("2026-12-01T00:05:00"));
        assertThat(cron.next(LocalDateTime.parse("2026-12-01T00:05:00")))
                .as("not twice on the same day").isEqualTo(LocalDateTime.parse("2027-01-01T00:05:00"));
        assertThat(cron.next(LocalDateTime.parse("2028-02-01T00:05:00")))
                .as("a leap February still ends on the 29th").isEqualTo(LocalDateTime.parse("2028-03-01T00:05:00"));
    }

    @Test
    void reportsOnTheMonthThatJustEnded() {
        assertThat(MonthlyReportSchedule.dueMonth(Instant.parse("2026-12-01T00:05:00Z"))).isEqualTo(YearMonth.of(2026, 11));
        assertThat(MonthlyReportSchedule.dueMonth(Instant.parse("2027-01-01T00:05:00Z")))
                .as("across the year").isEqualTo(YearMonth.of(2026, 12));
        assertThat(MonthlyReportSchedule.dueMonth(LocalDateTime.parse("2026-03-01T00:05:00").toInstant(ZoneOffset.UTC)))
                .isEqualTo(YearMonth.of(2026, 2));
        assertThat(MonthlyReportSchedule.dueMonth(Instant.parse("2026-11-30T23:59:59Z")))
                .as("a late run in the month still reports the month before").isEqualTo(YearMonth.of(2026, 10));
    }
}
