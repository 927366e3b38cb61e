package org.drcc.backup.postgres;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.drcc.contract.backup.TableChecksum;

/**
 * What a database holds, table by table: its row count and a checksum of its rows. The checksum is
 * the md5 of the sum of the rows' 64-bit hashes (PostgreSQL's {@code hashtextextended} of each row's
 * text): it depends neither on the physical row order nor on a collation, needs no sort and no
 * memory per row, costs little more than reading the rows, and a changed, added, removed or
 * duplicated row changes it (but for a 2^-64 chance). The hash is the server's own: a manifest is
 * compared on the server it was read on (verification restores next to the protected database).
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

    /** The SQL that reads one table's row count and checksum; {@code table} as {@link #tables} names it. */
    public static String checksumSql(String table) {
        // the name comes from format('%I.%I'): already quoted where it needs to be
        return "SELECT count(*), md5(coalesce(sum(hashtextextended(t::text, 0)), 0)::text) FROM " + table + " t";
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
        try (s; ResultSet rs = s.executeQuery(checksumSql(table))) {
            rs.next();
            return new TableChecksum(table, rs.getLong(1), rs.getString(2));
        }
    }
}
