package org.drcc.archive;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The last verdict of each copy's scheduled verification, in the host's database (table {@code archive_verification},
 * {@code db/archive}): what the gauges report on every instance, so that a restart or the instance that did not run
 * the verification does not say "no verdict" about a broken copy. Read at most every few seconds (a scrape asks per
 * gauge); a database that does not answer leaves the gauges NaN.
 */
class Verdicts {

    record Verdict(boolean intact, Instant verifiedAt) {
    }

    private static final Duration FRESH = Duration.ofSeconds(10);

    private final JdbcClient jdbc;
    private final Clock clock;
    private Map<String, Verdict> cached = Map.of();
    private Instant readAt = Instant.MIN;

    Verdicts(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    void record(ArchiveCopy copy, ArchiveReport report, Instant at) {
        ArchiveBreak first = report.firstBreak();
        jdbc.sql("INSERT INTO archive_verification (copy, bucket, intact, verified_at, break_kind, break_object) "
                        + "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (copy) DO UPDATE SET bucket = excluded.bucket, "
                        + "intact = excluded.intact, verified_at = excluded.verified_at, break_kind = excluded.break_kind, "
                        + "break_object = excluded.break_object")
                .params(copy.name(), copy.bucket(), report.intact(), Timestamp.from(at),
                        first == null ? null : first.kind(), first == null ? null : first.object())
                .update();
        synchronized (this) {
            readAt = Instant.MIN;
        }
    }

    /** 1 when the copy's last verification found it intact, 0 when broken, NaN before its first (or no database). */
    double intact(String copy) {
        Verdict verdict = all().get(copy);
        return verdict == null ? Double.NaN : verdict.intact() ? 1 : 0;
    }

    /** Seconds since the copy's last verification, NaN before its first (or no database). */
    double ageSeconds(String copy) {
        Verdict verdict = all().get(copy);
        return verdict == null ? Double.NaN : Duration.between(verdict.verifiedAt(), clock.instant()).toMillis() / 1000.0;
    }

    private synchronized Map<String, Verdict> all() {
        Instant now = clock.instant();
        if (Duration.between(readAt, now).compareTo(FRESH) > 0) {
            try {
                Map<String, Verdict> read = new HashMap<>();
                jdbc.sql("SELECT copy, intact, verified_at FROM archive_verification").query((rs, row) -> read.put(
                        rs.getString("copy"), new Verdict(rs.getBoolean("intact"), rs.getTimestamp("verified_at").toInstant())))
                        .list();
                cached = read;
            } catch (RuntimeException e) {
                cached = Map.of(); // reported as NaN until the database answers
            }
            readAt = now;
        }
        return cached;
    }
}
