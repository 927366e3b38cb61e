package org.drcc.drill.job;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.drcc.contract.backup.TableChecksum;
import org.drcc.drill.backup.BackupDesk;
import org.springframework.stereotype.Component;

/**
 * The drill's scratch databases, all named {@code drill_…} on the protected database's server: restored from a
 * backup's object in any tier, damaged, measured and dropped. Nothing here takes the protected database's
 * name: {@link #requireScratch} refuses any other.
 */
@Component
class DrillDatabases {

    static final String PREFIX = "drill_";
    private static final Pattern SCRATCH = Pattern.compile("drill_[a-z0-9_]{1,57}");

    private final BackupDesk desk;
    private final String server;

    DrillDatabases(BackupDesk desk, DrillProperties properties) {
        this.desk = desk;
        this.server = properties.database();
    }

    /** Restores the backup's copy in {@code tier} into the new database {@code target}; where it came from. */
    String restore(String backupId, BackupDesk.Tier tier, String target) throws Exception {
        requireScratch(target);
        return desk.restore(backupId, tier, target);
    }

    /** Empties {@code tables} (bare names) in {@code target} and restores only their rows from the backup; where from. */
    String restoreTables(String backupId, String target, List<String> tables) throws Exception {
        requireScratch(target);
        return desk.restoreTables(backupId, target, tables);
    }

    List<TableChecksum> manifest(String database) throws SQLException {
        requireScratch(database);
        return desk.tables(server, database);
    }

    Connection connect(String database) throws SQLException {
        requireScratch(database);
        return desk.connect(server, database);
    }

    void execute(String database, String... statements) throws SQLException {
        try (Connection c = connect(database); Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }

    /** Drops each, even while something is still connected to it; returns the ones that could not be dropped. */
    List<String> dropAll(List<String> databases) {
        List<String> left = new ArrayList<>();
        for (String database : databases) {
            try (Connection c = desk.connect(server, server); Statement s = c.createStatement()) {
                requireScratch(database);
                s.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            } catch (Exception e) {
                left.add(database);
            }
        }
        return left;
    }

    /** Every drill database on the server, as a crashed or failed drill may have left them. */
    List<String> leftOver() throws SQLException {
        List<String> names = new ArrayList<>();
        try (Connection c = desk.connect(server, server);
             var rs = c.createStatement().executeQuery("SELECT datname FROM pg_database WHERE datname LIKE 'drill\\_%'")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }

    static void requireScratch(String database) {
        if (!SCRATCH.matcher(database).matches()) {
            throw new IllegalArgumentException("a drill only touches its own drill_ databases, not " + database);
        }
    }
}
