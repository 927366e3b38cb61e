package org.drcc.backup.pitr;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads the point-in-time recovery read model. */
@Component
public class PitrViews {

    private final JdbcClient jdbc;

    PitrViews(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The earliest instant a restore of the database can reach: the end of its oldest unexpired base backup. */
    public Optional<Instant> oldestRestorableInstant(String database) {
        return jdbc.sql("SELECT consistent_at FROM base_backup WHERE database_name = ? AND status = 'COMPLETED' "
                        + "ORDER BY consistent_at LIMIT 1")
                .param(database).query((rs, n) -> instant(rs, 1)).optional();
    }

    /** The backup id a label was recorded with in a tier, if this service took it. */
    Optional<String> backupIdOf(String repository, String label) {
        return jdbc.sql("SELECT backup_id FROM base_backup WHERE repository = ? AND label = ?")
                .params(repository, label).query(String.class).optional();
    }

    /** The base backups, newest first, each tier's outcome on its own. */
    public List<BaseBackupView> baseBackups(int limit) {
        return jdbc.sql("SELECT * FROM base_backup ORDER BY recorded_at DESC, repository LIMIT ?").param(limit)
                .query((rs, n) -> new BaseBackupView(rs.getString("backup_id"), rs.getString("repository"),
                        rs.getString("database_name"), rs.getString("label"), rs.getString("status"),
                        instant(rs, "started_at"), instant(rs, "consistent_at"), (Long) rs.getObject("size_bytes"),
                        rs.getString("failure"), instant(rs, "recorded_at"), instant(rs, "expired_at")))
                .list();
    }

    public Optional<PitrRestoreView> restore(String restoreId) {
        return jdbc.sql("SELECT * FROM pitr_restore WHERE restore_id = ?").param(restoreId).query(PitrViews::view)
                .optional();
    }

    /** The restores to an instant that are RUNNING, on any instance. */
    public List<PitrRestoreView> running() {
        return jdbc.sql("SELECT * FROM pitr_restore WHERE status = 'RUNNING'").query(PitrViews::view).list();
    }

    private static PitrRestoreView view(ResultSet rs, int row) throws SQLException {
        return new PitrRestoreView(rs.getString("restore_id"), rs.getString("database_name"),
                rs.getString("target_database"), instant(rs, "to_time"), rs.getBoolean("to_end_of_archive"),
                rs.getString("status"), instant(rs, "reached_at"), rs.getString("base_backup_label"), rs.getString("tier"),
                (Integer) rs.getObject("tables"), (Long) rs.getObject("row_count"), (Integer) rs.getObject("app_checks"),
                failing(rs.getString("app_checks_failing")), rs.getString("failure"), instant(rs, "started_at"),
                instant(rs, "ended_at"));
    }

    /** The failing checks are stored one a line (a check's name holds no line break). */
    private static List<String> failing(String lines) {
        return lines == null ? null : lines.isEmpty() ? List.of() : List.of(lines.split("\n"));
    }

    static String failingLines(List<String> failing) {
        return String.join("\n", failing);
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
