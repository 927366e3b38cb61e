package org.drcc.engines;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/** The protected database: the Food Truck Management System's schema, filled with generated data. */
public final class FoodTruckDatabase {

    public static final String NAME = "foodtruck";

    private FoodTruckDatabase() {
    }

    /** Creates the schema and about {@code megabytes} MB of rows, in one transaction. */
    public static void populate(DataSource dataSource, int megabytes) {
        if (megabytes < 1) {
            throw new IllegalArgumentException("the foodtruck size must be at least 1 MB, was " + megabytes);
        }
        String script = resource("schema.sql") + resource("data.sql").replace("${scale}", Integer.toString(scale(megabytes)));
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            for (String statement : script.split(";\\s*\n")) {
                if (!statement.isBlank()) {
                    s.execute(statement);
                }
            }
            c.commit();
        } catch (SQLException e) {
            throw new IllegalStateException("could not generate the foodtruck database: " + e.getMessage(), e);
        }
    }

    /** One unit of data.sql's scale makes about 2.8 MB on disk (measured: scale 300 gave 851 MB). */
    static int scale(int megabytes) {
        return Math.max(1, Math.round(megabytes / 2.8f));
    }

    private static String resource(String name) {
        try (InputStream in = FoodTruckDatabase.class.getResourceAsStream("/foodtruck/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
