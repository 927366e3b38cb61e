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
 * the md5 of the rows' own md5s in sorted order, so it depends neither on the physical row order nor
 * on a collation, and it stays 32 bytes a row however wide the rows are.
 */
public final class Manifest {

    private static final String TABLES = """
            SELECT format('%I.%I', schemaname, tablename) FROM pg_tables
            WHERE schemaname NOT IN ('pg_catalog', 'information_schema') ORDER BY 1""";

    private Manifest() {
    }

    /** Reads every user table, inside whatever transaction (snapshot) {@code c} is in. */
    public static List<TableChecksum> read(Connection c) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(TABLES)) {
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
        }
        List<TableChecksum> manifest = new ArrayList<>();
        for (String table : tables) {
            // the name comes from format('%I.%I'): already quoted where it needs to be
            String sql = "SELECT count(*), md5(coalesce(string_agg(r, '' ORDER BY r), '')) FROM (SELECT md5(t::text) AS r FROM "
                    + table + " t) rows";
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
                rs.next();
                manifest.add(new TableChecksum(table, rs.getLong(1), rs.getString(2)));
            }
        }
        return manifest;
    }
}
