package org.drcc.backup.postgres;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.drcc.contract.backup.TableChecksum;

/**
 * What a database holds, table by table: its row count and a checksum of its rows. The checksum is
 * the md5 of the sum of the rows' 64-bit hashes: PostgreSQL's {@code hash_record_extended} of each row,
 * which hashes the stored values without turning them into text (about half the cost of hashing the
 * row's text), or, for a table with a column type that has no hash function ({@code json},
 * {@code point}, ...), {@code hashtextextended} of the row's text. It depends neither on the physical
 * row order nor on a collation, needs no sort and no memory per row, and a changed, added, removed or
 * duplicated row changes it (but for a 2^-64 chance; values equal as values, such as 1.5 and 1.50,
 * hash alike). The hash is the server's own: a manifest is compared on the server it was read on
 * (verification restores next to the protected database).
 */
public final class Manifest {

    /** The biggest first, so that the tables spread well over parallel readers. */
    private static final String TABLES = """
            SELECT format('%I.%I', schemaname, tablename) FROM pg_tables
            WHERE schemaname NOT IN ('pg_catalog', 'information_schema')
            ORDER BY pg_relation_size(format('%I.%I', schemaname, tablename)::regclass) DESC, 1""";

    private Manifest() {
    }

    /** The user tables, inside whatever transaction (snapshot) {@code c} is in. */
    public static List<String> tables(Connection c) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(TABLES)) {
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
        }
        return tables;
    }

    /** "could not identify an extended hash function for type ...": a column type without one. */
    private static final String NO_HASH_FUNCTION = "42883";

    /** The SQL that reads one table's row count and checksum; {@code table} as {@link #tables} names it. */
    static String checksumSql(String table, boolean byValue) {
        // the name comes from format('%I.%I'): already quoted where it needs to be
        String hash = byValue ? "hash_record_extended(t, 0)" : "hashtextextended(t::text, 0)";
        return "SELECT count(*), md5(coalesce(sum(" + hash + "), 0)::text) FROM " + table + " t";
    }

    /** Reads every user table one after the other, inside whatever transaction (snapshot) {@code c} is in. */
    public static List<TableChecksum> read(Connection c) throws SQLException {
        List<TableChecksum> manifest = new ArrayList<>();
        for (String table : tables(c)) {
            manifest.add(checksum(c.createStatement(), table));
        }
        manifest.sort(java.util.Comparator.comparing(TableChecksum::table));
        return manifest;
    }

    /** One table's row count and checksum; closes {@code s}. */
    static TableChecksum checksum(Statement s, String table) throws SQLException {
        try (s) {
            Connection c = s.getConnection();
            // in a transaction (a shared snapshot), a failed statement would abort it: step back to here instead
            Savepoint before = c.getAutoCommit() ? null : c.setSavepoint();
            try {
                return checksum(s, table, true);
            } catch (SQLException e) {
                if (!NO_HASH_FUNCTION.equals(e.getSQLState())) {
                    throw e;
                }
                if (before != null) {
                    c.rollback(before);
                }
                return checksum(s, table, false);
            }
        }
    }

    private static TableChecksum checksum(Statement s, String table, boolean byValue) throws SQLException {
        try (ResultSet rs = s.executeQuery(checksumSql(table, byValue))) {
            rs.next();
            return new TableChecksum(table, rs.getLong(1), rs.getString(2));
        }
    }
}
