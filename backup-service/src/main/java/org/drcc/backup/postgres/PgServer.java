package org.drcc.backup.postgres;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

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
        for (String database : new String[] {target, server.databaseName()}) {
            Optional<Owner> owner = owner(server, database);
            if (owner.isPresent()) {
                return owner.get().member() ? owner.get().role() : null;
            }
        }
        return null;
    }

    /** A database's owner, and whether the connecting role is a member of it (may act as it). */
    public record Owner(String role, boolean member) {
    }

    /** The owner of {@code database}; empty when there is no such database. */
    public static Optional<Owner> owner(PgTarget server, String database) throws SQLException {
        try (Connection c = server.connect();
             var s = c.prepareStatement("SELECT r.rolname, pg_has_role(r.oid, 'MEMBER') FROM pg_database d "
                     + "JOIN pg_roles r ON r.oid = d.datdba WHERE d.datname = ?")) {
            s.setString(1, database);
            try (var rs = s.executeQuery()) {
                return rs.next() ? Optional.of(new Owner(rs.getString(1), rs.getBoolean(2))) : Optional.empty();
            }
        }
    }

    /** The tables (ordinary and partitioned) of {@code database} outside PostgreSQL's own schemas: none in an empty one. */
    public static int tables(PgTarget server, String database) throws SQLException {
        try (Connection c = server.withDatabase(database).connect(); Statement s = c.createStatement();
             var rs = s.executeQuery("SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                     + "WHERE c.relkind IN ('r', 'p') AND n.nspname NOT IN ('pg_catalog', 'information_schema') "
                     + "AND n.nspname NOT LIKE 'pg_toast%'")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    /** Renames a database nobody is connected to. */
    public static void rename(PgTarget server, String database, String to) throws SQLException {
        execute(server, "ALTER DATABASE " + plain(database) + " RENAME TO " + plain(to));
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
