package org.drcc.backup.pitr;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * How far the WAL archive is behind the protected server, asked of the server itself: the oldest WAL segment
 * still waiting to be archived ({@code .ready} in {@code pg_wal/archive_status}) has waited this long; none waiting
 * is no lag (the open segment is switched at least every {@code archive_timeout}). The newest archived segment and
 * its time come from {@code pg_stat_archiver}.
 */
@Component
public class WalArchiveLag {

    private final BaseBackups baseBackups;
    private final PitrSettings settings;

    WalArchiveLag(BaseBackups baseBackups, PitrSettings settings) {
        this.baseBackups = baseBackups;
        this.settings = settings;
    }

    /** A measurement: {@code lagging} when {@code lag} is over the threshold. */
    public record Measured(String lastArchivedWal, Instant lastArchivedAt, Duration lag, Duration threshold) {

        public boolean lagging() {
            return lag.compareTo(threshold) > 0;
        }
    }

    /** Whether the database's RPO depends on the WAL archive: point-in-time recovery is set up for it. */
    public boolean covers(String database) {
        return settings.enabled() && settings.database().equals(database);
    }

    public String stanza() {
        return settings.stanza();
    }

    /** Asked while the archive lags: makes the stanza again in a tier whose bucket was made anew. */
    public void repair() {
        baseBackups.repairSoon();
    }

    /** Empty when the server cannot be asked (the dump's RPO watch goes on; the next check asks again). */
    public Optional<Measured> measure() {
        try (Connection c = baseBackups.server().connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT a.last_archived_wal, a.last_archived_time, "
                     + "(SELECT extract(epoch FROM clock_timestamp() - min(r.modification)) "
                     + "FROM pg_ls_archive_statusdir() r WHERE r.name LIKE '%.ready') FROM pg_stat_archiver a")) {
            rs.next();
            Timestamp archivedAt = rs.getTimestamp(2);
            double waited = rs.getDouble(3);
            Duration lag = rs.wasNull() ? Duration.ZERO : Duration.ofMillis(Math.max(0, Math.round(waited * 1000)));
            return Optional.of(new Measured(rs.getString(1), archivedAt == null ? null : archivedAt.toInstant(), lag,
                    settings.archiveLagThreshold()));
        } catch (SQLException e) {
            return Optional.empty();
        }
    }
}
