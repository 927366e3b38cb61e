package org.drcc.backup.postgres;

import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A PostgreSQL database reached by its JDBC URL, as the JDBC driver and as the PostgreSQL client
 * tools (which take a libpq URI and the credentials from the environment) both need it.
 */
public record PgTarget(String jdbcUrl, String username, String password) {

    /** A database name this service creates or restores into: plain, so it needs no quoting anywhere. */
    public static final Pattern PLAIN_NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}");

    public PgTarget {
        if (jdbcUrl == null || !jdbcUrl.startsWith("jdbc:postgresql://")) {
            throw new IllegalArgumentException("not a PostgreSQL JDBC URL: " + jdbcUrl);
        }
    }

    public String databaseName() {
        return uri().getPath().substring(1);
    }

    /** The same server and credentials, another database on it. */
    public PgTarget withDatabase(String database) {
        if (!PLAIN_NAME.matcher(database).matches()) {
            throw new IllegalArgumentException("not a plain database name: " + database);
        }
        URI u = uri();
        String query = u.getRawQuery() == null ? "" : "?" + u.getRawQuery();
        return new PgTarget("jdbc:postgresql://" + u.getRawAuthority() + "/" + database + query, username, password);
    }

    /**
     * The libpq URI of the client tools. The JDBC URL's own parameters are dropped: most of them are
     * not libpq's, and libpq refuses a URI with a parameter it does not know.
     */
    public String libpqUri() {
        URI u = uri();
        return "postgresql://" + u.getRawAuthority() + u.getRawPath();
    }

    /** The credentials for the client tools; never on their command line, where ps would show them. */
    public Map<String, String> environment() {
        return Map.of("PGUSER", username, "PGPASSWORD", password == null ? "" : password);
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, username, password);
    }

    private URI uri() {
        return URI.create(jdbcUrl.substring("jdbc:".length()));
    }
}
