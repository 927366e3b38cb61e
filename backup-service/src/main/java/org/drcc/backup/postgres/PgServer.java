package org.drcc.backup.postgres;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/** Databases created and dropped next to the protected one, on its server, for verification and restore. */
public final class PgServer {

    private PgServer() {
    }

    public static boolean exists(PgTarget server, String database) throws SQLException {
        try (Connection c = server.connect();
             var s = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            s.setString(1, database);
            try (var rs = s.executeQuery()) {
                return rs.next();
            }
        }
    }

    public static void create(PgTarget server, String database) throws SQLException {
        execute(server, "CREATE DATABASE " + plain(database));
    }

    /** Drops it even while something is still connected to it (FORCE, PostgreSQL 13+). */
    public static void drop(PgTarget server, String database) throws SQLException {
        execute(server, "DROP DATABASE IF EXISTS " + plain(database) + " WITH (FORCE)");
    }

    private static void execute(PgTarget server, String sql) throws SQLException {
        try (Connection c = server.connect(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static String plain(String database) {
        if (!PgTarget.PLAIN_NAME.matcher(database).matches()) {
            throw new IllegalArgumentException("not a plain database name: " + database);
        }
        return database;
    }
}
