package org.drcc.testsupport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.drcc.engines.PostgresEngine;

/**
 * A PostgreSQL server set up as docker-compose's is on its first start: {@code deploy/postgres/init.sh} run as the
 * superuser, with every role's password ({@link #password}) and a demo {@code foodtruck}. For the tests of the
 * least-privilege roles, from any module (the project root is the module's parent folder).
 */
public final class LeastPrivilegeServer {

    /** The roles init.sh needs a password for. */
    public static final List<String> ROLES = List.of("incident_migrator", "incident_app", "backup_migrator",
            "backup_app", "notification_migrator", "notification_app", "metrics_migrator", "metrics_app",
            "keyring_app", "dr_backup", "keycloak");

    private LeastPrivilegeServer() {
    }

    /** Runs init.sh on {@code postgres}; fails with what it printed when it does not succeed. */
    public static void init(PostgresEngine postgres) throws IOException, InterruptedException {
        ProcessBuilder init = new ProcessBuilder("bash", Path.of("..", "deploy", "postgres", "init.sh").toString())
                .redirectErrorStream(true);
        init.environment().put("PGHOST", "127.0.0.1");
        init.environment().put("PGPORT", "" + postgres.port());
        init.environment().put("POSTGRES_USER", PostgresEngine.USER);
        init.environment().put("DR_FOODTRUCK_DEMO_MB", "1");
        init.environment().put("DR_FOODTRUCK_SQL_DIR",
                Path.of("..", "dr-engines", "src", "main", "resources", "foodtruck").toString());
        ROLES.forEach(role -> init.environment().put("DR_DB_" + role.toUpperCase() + "_PASSWORD", password(role)));
        Process process = init.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("deploy/postgres/init.sh failed:\n" + out);
        }
    }

    public static String password(String role) {
        return "pw-" + role;
    }

    public static Connection connect(PostgresEngine postgres, String database, String role) throws SQLException {
        return DriverManager.getConnection(postgres.jdbcUrl(database), role, password(role));
    }
}
