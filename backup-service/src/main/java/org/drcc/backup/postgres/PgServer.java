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
        create(server, database, null);
    }

    /** Creates it owned by {@code owner} (null: by the connecting role, which must be a member of the owner). */
    public static void create(PgTarget server, String database, String owner) throws SQLException {
        execute(server, "CREATE DATABASE " + plain(database) + (owner == null ? "" : " OWNER " + quoted(owner)));
    }

    /**
     * The role a restore into {@code target} creates its objects as: the owner of {@code target} where it exists
     * (a restore over it), else the owner of the database the server's connection names (the database backed up),
     * so that a copy is owned as the original is. Null when neither exists, or when the connecting role may not act
     * as that owner (not a member of it): then the objects are the connecting role's, as a plain pg_restore makes them.
     */
    public static String restoreOwner(PgTarget server, String target) throws SQLException {
        try (Connection c = server.connect();
             var s = c.prepareStatement("SELECT r.rolname, pg_has_role(r.oid, 'MEMBER') FROM pg_database d "
                     + "JOIN pg_roles r ON r.oid = d.datdba WHERE d.datname = ?")) {
            for (String database : new String[] {target, server.databaseName()}) {
                s.setString(1, database);
                try (var rs = s.executeQuery()) {
                    if (rs.next()) {
                        return rs.getBoolean(2) ? rs.getString(1) : null;
                    }
                }
            }
            return null;
        }
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

    private static String quoted(String role) {
        return "\"" + role.replace("\"", "\"\"") + "\"";
    }

    private static String plain(String database) {
        if (!PgTarget.PLAIN_NAME.matcher(database).matches()) {
            throw new IllegalArgumentException("not a plain database name: " + database);
        }
        return database;
    }
}
