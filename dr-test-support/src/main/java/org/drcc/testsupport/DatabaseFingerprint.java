package org.drcc.testsupport;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a test compares to show that a database was left exactly as it was (a drill works on copies, never on the
 * database it protects): per table of the {@code public} schema, its row count and an md5 of its rows in a fixed
 * order, as the backup manifests count them; and the databases of a server, to show that no scratch copy is left.
 */
public final class DatabaseFingerprint {

    private DatabaseFingerprint() {
    }

    /** Table name to "count md5", in name order; the database has tables (an empty map would prove nothing). */
    public static Map<String, String> of(Connection database) throws SQLException {
        Map<String, String> tables = new TreeMap<>();
        try (Statement statement = database.createStatement()) {
            List<String> names = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
            for (String table : names) {
                try (ResultSet rs = statement.executeQuery("SELECT count(*) || ' ' || md5(coalesce(string_agg("
                        + "md5(t::text), '' ORDER BY md5(t::text)), '')) FROM \"" + table + "\" t")) {
                    rs.next();
                    tables.put(table, rs.getString(1));
                }
            }
        }
        if (tables.isEmpty()) {
            throw new IllegalStateException("the database has no table to compare");
        }
        return tables;
    }

    /** The names of the server's databases. */
    public static List<String> databases(Connection server) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Statement statement = server.createStatement();
             ResultSet rs = statement.executeQuery("SELECT datname FROM pg_database")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }
}
