package org.drcc.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.drcc.engines.EngineSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code dr self restore --from <tier>}: the command centre's databases back from a tier, into an empty data folder. */
@Command(name = "restore", mixinStandardHelpOptions = true,
        description = {"Restore the command centre itself after the loss of its PostgreSQL server: into a data folder "
                + "without a PostgreSQL cluster, with the S3 buckets kept and the keys folder put back from its "
                + "off-site copy. Starts the engines and a recovery backup-service on a scratch database, rebuilds "
                + "its catalogue from the tier, restores the newest verified backup of each of the command centre's "
                + "databases (keyring, incident, notification, metrics, backup), then stops. Then run ./dr up.",
                "Refuses to run over databases that hold tables, and without the audit keys."})
class SelfRestoreCommand implements Callable<Integer> {

    @Option(names = "--from", required = true, paramLabel = "TIER",
            description = "The tier to restore from: primary, secondary or tertiary (the off-site copy).")
    String from;

    @Option(names = "--name", defaultValue = "${env:USER:-operator}",
            description = "Who restores; recorded as the actor of the restores (default: ${DEFAULT-VALUE}).")
    String name;

    @Option(names = "--data-dir", defaultValue = ".dr", description = "The data folder of dr up (default: ${DEFAULT-VALUE}).")
    Path dataDir;

    @Option(names = "--home", description = "The project folder holding the built service jars (default: found from the current folder).")
    Path home;

    @Option(names = "--backup-port", defaultValue = "8082", description = "The recovery backup-service's port (default: ${DEFAULT-VALUE}).")
    int backupPort;
    @Option(names = "--postgres-port", defaultValue = "" + EngineSettings.DEFAULT_POSTGRES_PORT) int postgresPort;
    @Option(names = "--kafka-port", defaultValue = "" + EngineSettings.DEFAULT_KAFKA_PORT) int kafkaPort;
    @Option(names = "--kafka-controller-port", defaultValue = "" + EngineSettings.DEFAULT_KAFKA_CONTROLLER_PORT) int kafkaControllerPort;
    @Option(names = "--s3-port", defaultValue = "" + EngineSettings.DEFAULT_S3_PORT) int s3Port;

    @Override
    public Integer call() throws Exception {
        if (!List.of("primary", "secondary", "tertiary").contains(from)) {
            throw new CliException(CliException.USAGE, "--from must be primary, secondary or tertiary, not '" + from + "'");
        }
        // foodtruck, if missing, is generated at its smallest: it is the protected system's, brought back by the plan's
        // own procedures (the regional-disaster drill), not by this one
        EngineSettings settings = new EngineSettings(dataDir.toAbsolutePath(), false, postgresPort, kafkaPort,
                kafkaControllerPort, s3Port, 1);
        new SelfRestore(home != null ? home : UpCommand.findHome(), settings, backupPort, from, name, System.out).run();
        return 0;
    }
}
