package org.drcc.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.drcc.engines.Engines;

/**
 * The command centre's own databases, protected by its backup-service like any other database (the "the
 * command centre backs itself up"). They are settings passed to backup-service, not plan data, because where they
 * live and how they are reached differ per deployment, as for {@code foodtruck}.
 *
 * <p>The order matters twice. A self-backup takes {@code backup} last, once the others are verified and copied, so
 * that backup-service's own dump already knows them: restored, it can restore them again without a catalogue
 * rebuild. A restore puts {@code keyring} back first: the other stores' sealed fields are unreadable without it.
 */
final class CommandCentreDatabases {

    /** Keyring first, backup-service's own database last. */
    static final List<String> ALL = List.of(Engines.KEYRING_DATABASE, "incident", "notification", "metrics", "backup");

    /**
     * The identity provider's database, where the deployment keeps it on the same server (docker-compose's Keycloak;
     * {@code ./dr up} has none): its users, roles and clients are lost with the server too.
     */
    static final String IDENTITY_PROVIDER = "keycloak";

    /** Hourly at half past (the protected foodtruck is dumped on the hour): the others, then backup a quarter later. */
    static final String SCHEDULE = "0 30 * * * *";
    static final String BACKUP_SCHEDULE = "0 45 * * * *";
    /** One missed hourly run is tolerated before the RPO watch warns. */
    static final String RPO = "PT2H";

    private CommandCentreDatabases() {
    }

    /**
     * What a self-backup takes, in order: {@link #ALL}, and the identity provider's database before {@code backup}
     * where backup-service protects it ({@code protectedDatabases}, its policies).
     */
    static List<String> toBackUp(java.util.Collection<String> protectedDatabases) {
        List<String> databases = new ArrayList<>(ALL);
        if (protectedDatabases.contains(IDENTITY_PROVIDER)) {
            databases.add(databases.indexOf("backup"), IDENTITY_PROVIDER);
        }
        return databases;
    }

    /**
     * backup-service's settings that protect the command centre's databases, each at the JDBC URL {@code jdbcUrl}
     * gives. The keyring keeps a week of daily backups only: a restored keyring brings back the keys of people
     * forgotten since its dump, so its backups must not outlive the erasures by long (see the root README).
     */
    static List<String> backupPolicies(UnaryOperator<String> jdbcUrl) {
        List<String> args = new ArrayList<>();
        for (String database : ALL) {
            String prefix = "--dr.backup.databases." + database + ".";
            args.add(prefix + "url=" + jdbcUrl.apply(database));
            args.add(prefix + "schedule=" + (database.equals("backup") ? BACKUP_SCHEDULE : SCHEDULE));
            args.add(prefix + "rpo=" + RPO);
            if (database.equals(Engines.KEYRING_DATABASE)) {
                args.add(prefix + "retention.daily=7");
                args.add(prefix + "retention.weekly=0");
                args.add(prefix + "retention.monthly=0");
            }
        }
        return args;
    }
}
