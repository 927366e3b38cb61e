package org.drcc.backup.postgres;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
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

    /**
     * A database's owner; whether the connecting role is a member of it (may act as it: {@code SET ROLE}, as
     * {@code pg_restore --role} does), and whether it has the owner's privileges without one (inherits them: what
     * renaming the database and granting on it need).
     */
    public record Owner(String role, boolean member, boolean inherits) {
    }

    /** The owner of {@code database}; empty when there is no such database. */
    public static Optional<Owner> owner(PgTarget server, String database) throws SQLException {
        try (Connection c = server.connect();
             var s = c.prepareStatement("SELECT r.rolname, pg_has_role(r.oid, 'MEMBER'), pg_has_role(r.oid, 'USAGE') FROM pg_database d "
                     + "JOIN pg_roles r ON r.oid = d.datdba WHERE d.datname = ?")) {
            s.setString(1, database);
            try (var rs = s.executeQuery()) {
                return rs.next() ? Optional.of(new Owner(rs.getString(1), rs.getBoolean(2), rs.getBoolean(3))) : Optional.empty();
            }
        }
    }

    /**
     * What holds data in {@code database} outside PostgreSQL's own schemas: its tables (ordinary, partitioned, foreign),
     * materialized views and large objects. None in an empty one.
     */
    public static int tables(PgTarget server, String database) throws SQLException {
        try (Connection c = server.withDatabase(database).connect(); Statement s = c.createStatement();
             var rs = s.executeQuery("SELECT (SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                     + "WHERE c.relkind IN ('r', 'p', 'f', 'm') AND n.nspname NOT IN ('pg_catalog', 'information_schema') "
                     + "AND n.nspname NOT LIKE 'pg_toast%') + (SELECT count(*) FROM pg_largeobject_metadata)")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    /**
     * Gives {@code to} the database-level privileges of {@code from} (who may connect, create schemas, make temporary
     * tables), which a restore of its objects does not carry: nothing when {@code from} has PostgreSQL's default.
     */
    public static void copyAccess(PgTarget server, String from, String to) throws SQLException {
        List<String> grants = new ArrayList<>();
        boolean defaults;
        try (Connection c = server.connect();
             var s = c.prepareStatement("SELECT datacl IS NULL FROM pg_database WHERE datname = ?");
             var entries = c.prepareStatement("SELECT coalesce(quote_ident(r.rolname), 'PUBLIC'), a.privilege_type, "
                     + "a.is_grantable FROM pg_database d, aclexplode(d.datacl) a LEFT JOIN pg_roles r "
                     + "ON r.oid = a.grantee WHERE d.datname = ?")) {
            s.setString(1, from);
            try (var rs = s.executeQuery()) {
                defaults = !rs.next() || rs.getBoolean(1);
            }
            entries.setString(1, from);
            try (var rs = entries.executeQuery()) {
                while (rs.next()) {
                    // the privilege types aclexplode names for a database: CONNECT, CREATE, TEMPORARY
                    grants.add("GRANT " + rs.getString(2) + " ON DATABASE " + plain(to) + " TO " + rs.getString(1)
                            + (rs.getBoolean(3) ? " WITH GRANT OPTION" : ""));
                }
            }
        }
        if (defaults) {
            return;
        }
        try (Connection c = server.connect(); Statement s = c.createStatement()) {
            s.execute("REVOKE ALL ON DATABASE " + plain(to) + " FROM PUBLIC");
            for (String grant : grants) {
                s.execute(grant);
            }
        }
    }

    /** Marks a database with a note for this service (its comment). */
    public static void mark(PgTarget server, String database, String note) throws SQLException {
        execute(server, "COMMENT ON DATABASE " + plain(database) + " IS '" + note.replace("'", "''") + "'");
    }

    /** The note on a database ({@link #mark}); empty when there is no such database or no note. */
    public static Optional<String> mark(PgTarget server, String database) throws SQLException {
        try (Connection c = server.connect();
             var s = c.prepareStatement("SELECT shobj_description(oid, 'pg_database') FROM pg_database WHERE datname = ?")) {
            s.setString(1, database);
            try (var rs = s.executeQuery()) {
                return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty();
            }
        }
    }

    /** The server's system identifier ({@code pg_control_system()}, readable by any role): its cluster's own. */
    public static String systemIdentifier(PgTarget server) throws SQLException {
        try (Connection c = server.connect(); Statement s = c.createStatement();
             var rs = s.executeQuery("SELECT system_identifier::text FROM pg_control_system()")) {
            rs.next();
            return rs.getString(1);
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
