package org.drcc.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.drcc.engines.EngineSettings;
import org.drcc.engines.EngineStartException;
import org.drcc.engines.PortTakenException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "up", mixinStandardHelpOptions = true,
        description = "Starts PostgreSQL, Kafka, S3, the four services, the operator console and the demo Food Truck "
                + "application on this machine; Ctrl-C stops them all.")
class UpCommand implements Callable<Integer> {

    @Option(names = "--data-dir", defaultValue = ".dr", description = "Where engine data and logs live (default: ${DEFAULT-VALUE}).")
    Path dataDir;

    @Option(names = "--fresh", description = "Delete the data directory first: start with no incidents, backups or offsets.")
    boolean fresh;

    @Option(names = "--foodtruck-mb", defaultValue = "5", description = "Size of the generated foodtruck database in MB (default: ${DEFAULT-VALUE}).")
    int foodtruckMegabytes;

    @Option(names = "--incident-port", defaultValue = "8081") int incidentPort;
    @Option(names = "--backup-port", defaultValue = "8082") int backupPort;
    @Option(names = "--notification-port", defaultValue = "8083") int notificationPort;
    @Option(names = "--metrics-port", defaultValue = "8084") int metricsPort;
    @Option(names = "--console-port", defaultValue = "8085", description = "The operator console's port (default: ${DEFAULT-VALUE}).")
    int consolePort;
    @Option(names = "--app-port", defaultValue = "8086", description = "The demo Food Truck application's port; its "
            + "second instance listens --instance-port-step above (default: ${DEFAULT-VALUE}).")
    int appPort;
    @Option(names = "--app-instances", defaultValue = "2", description = "Instances of the demo Food Truck application "
            + "the application drills exercise: 2 for the failover drill, 0 for none (default: ${DEFAULT-VALUE}).")
    int appInstances;
    @Option(names = "--postgres-port", defaultValue = "" + EngineSettings.DEFAULT_POSTGRES_PORT) int postgresPort;
    @Option(names = "--kafka-port", defaultValue = "" + EngineSettings.DEFAULT_KAFKA_PORT) int kafkaPort;
    @Option(names = "--kafka-controller-port", defaultValue = "" + EngineSettings.DEFAULT_KAFKA_CONTROLLER_PORT) int kafkaControllerPort;
    @Option(names = "--s3-port", defaultValue = "" + EngineSettings.DEFAULT_S3_PORT) int s3Port;

    @Option(names = "--instances", defaultValue = "1", description = "How many instances of each service to start, "
            + "side by side on the same databases and Kafka topics (default: ${DEFAULT-VALUE}, at most 4).")
    int instances;

    @Option(names = "--instance-port-step", defaultValue = "10", description = "Instance n of a service listens on its "
            + "port + (n - 1) x this (default: ${DEFAULT-VALUE}: the second incident-service on 8091).")
    int instancePortStep;

    @Option(names = "--pg-tools-dir", paramLabel = "DIR", description = "Where pg_dump and pg_restore (15 or newer) are, "
            + "when not on the PATH.")
    Path pgToolsDir;

    @Option(names = "--home", description = "The project folder holding the built service jars (default: found from the current folder).")
    Path home;

    @Override
    public Integer call() throws Exception {
        Path project = home != null ? home : findHome();
        try {
            PgClientTools.check(pgToolsDir);
        } catch (IllegalStateException e) {
            System.err.println("dr up failed: " + e.getMessage());
            return 1;
        }
        if (instances < 1 || instances > 4 || instancePortStep < 4 || appInstances < 0 || appInstances > 2) {
            System.err.println("dr up failed: --instances must be 1 to 4, --app-instances 0 to 2 and "
                    + "--instance-port-step at least 4 (got " + instances + ", " + appInstances + ", " + instancePortStep + ")");
            return 2;
        }
        EngineSettings settings = new EngineSettings(dataDir.toAbsolutePath(), fresh, postgresPort, kafkaPort,
                kafkaControllerPort, s3Port, foodtruckMegabytes);
        List<ServiceSpec> services = new ArrayList<>();
        for (int instance = 1; instance <= instances; instance++) {
            int step = (instance - 1) * instancePortStep;
            services.add(new ServiceSpec("incident-service", incidentPort + step, "incident", instance));
            services.add(new ServiceSpec("backup-service", backupPort + step, "backup", instance));
            services.add(new ServiceSpec("notification-service", notificationPort + step, "notification", instance));
            services.add(new ServiceSpec("metrics-service", metricsPort + step, "metrics", instance));
        }
        // one console: it keeps no state, and any instance of each service answers it
        services.add(new ServiceSpec(ServiceSpec.CONSOLE, consolePort, null));
        for (int instance = 1; instance <= appInstances; instance++) {
            services.add(new ServiceSpec(ServiceSpec.APP, appPort + (instance - 1) * instancePortStep, "foodtruck", instance));
        }
        Suite suite = new Suite(project, settings, services, System.out, pgToolsDir);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("Stopping ...");
            suite.close();
            stopped.countDown();
        }, "dr-stop"));
        try {
            suite.start();
        } catch (PortInUseException | PortTakenException | EngineStartException | IllegalStateException e) {
            System.err.println("dr up failed: " + hint(e));
            return 1;
        }
        suite.printUrls();
        stopped.await();
        return 0;
    }

    private static String hint(RuntimeException e) {
        if (e instanceof PortTakenException taken) {
            String option = switch (taken.engine()) {
                case "PostgreSQL" -> "--postgres-port";
                case "Kafka" -> "--kafka-port";
                case "Kafka controller" -> "--kafka-controller-port";
                default -> "--s3-port";
            };
            return new PortInUseException(taken.engine(), taken.port(), option).getMessage();
        }
        return e.getMessage();
    }

    static Path findHome() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("incident-service")) && Files.isRegularFile(dir.resolve("pom.xml"))) {
                return dir;
            }
        }
        throw new IllegalStateException("run dr from the project folder, or pass --home");
    }
}
