package org.drcc.cli;

import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.drcc.engines.Buckets;
import org.drcc.engines.ChildProcess;
import org.drcc.engines.EngineSettings;
import org.drcc.engines.Engines;
import org.drcc.engines.FoodTruckDatabase;
import org.drcc.engines.LocalSigningKey;
import org.drcc.engines.Java;
import org.drcc.engines.Ports;

/** The whole suite on this machine: the engines, then the four services as their own JVMs. */
final class Suite implements AutoCloseable {

    private static final Duration SERVICE_START_TIMEOUT = Duration.ofMinutes(4);

    private final Path home;
    private final EngineSettings settings;
    private final List<ServiceSpec> services;
    private final PrintStream out;
    private final List<ChildProcess> processes = new ArrayList<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private Engines engines;

    Suite(Path home, EngineSettings settings, List<ServiceSpec> services, PrintStream out) {
        this.home = home;
        this.settings = settings;
        this.services = services;
        this.out = out;
    }

    void start() throws Exception {
        for (ServiceSpec service : services) {
            if (!Files.isRegularFile(service.jar(home))) {
                throw new IllegalStateException(service.jar(home) + " is missing: build first (mvn -DskipTests clean package, or let ./dr do it)");
            }
            ChildProcess.stopOrphan(settings.runDir().resolve(service.name() + ".pid"));
            if (Ports.inUse(service.port())) {
                throw new PortInUseException(service.name(), service.port(), "--" + service.name().replace("-service", "") + "-port");
            }
        }
        out.println("Starting PostgreSQL, Kafka and S3 (data in " + settings.dataDir() + ") ...");
        engines = Engines.start(settings);
        out.println("Starting " + services.size() + " services ...");
        for (ServiceSpec service : services) {
            processes.add(ChildProcess.start(service.name(), command(service), settings.logDir(), settings.runDir()));
        }
        for (int i = 0; i < services.size(); i++) {
            ServiceSpec service = services.get(i);
            processes.get(i).awaitReady(() -> ready(service), SERVICE_START_TIMEOUT);
            out.println("  " + service.name() + " is ready");
        }
    }

    void printUrls() {
        out.println();
        out.println("The DR command centre is up. Logs: " + settings.logDir());
        for (ServiceSpec s : services) {
            out.printf("  %-21s %s/api   Swagger UI %s/swagger-ui.html   Prometheus %s/actuator/prometheus%n",
                    s.name(), s.url(), s.url(), s.url());
        }
        out.printf("  %-21s %s (user postgres; databases %s, %s, foodtruck)%n", "PostgreSQL",
                engines.jdbcUrl("<database>"), String.join(", ", Engines.SERVICE_DATABASES), Engines.KEYRING_DATABASE);
        out.printf("  %-21s %s%n", "Kafka", engines.bootstrapServers());
        out.printf("  %-21s %s (buckets %s)%n", "S3", engines.s3Endpoint(), String.join(", ", Buckets.ALL));
        out.println("Press Ctrl-C to stop everything.");
    }

    private List<String> command(ServiceSpec service) {
        List<String> args = new ArrayList<>(List.of("-jar", service.jar(home).toString(),
                "--server.port=" + service.port(),
                "--spring.datasource.url=" + engines.jdbcUrl(service.database()),
                "--dr.privacy.keyring.url=" + engines.jdbcUrl(Engines.KEYRING_DATABASE),
                "--spring.kafka.bootstrap-servers=" + engines.bootstrapServers(),
                "--dr.s3.endpoint=" + engines.s3Endpoint(),
                // the key that signs the audit trail's checkpoints lives beside the data, not in it
                "--dr.audit.signing-key-file=" + settings.dataDir().resolve("keys").resolve(service.database() + "-audit.key"),
                // the local stand-in for an identity provider: services check tokens with its public key
                "--dr.security.public-key=" + LocalSigningKey.in(settings.dataDir().resolve("keys")).publicKeyFile()));
        if (service.name().equals("backup-service")) {
            // the database it protects, on whichever port PostgreSQL was started
            args.add("--dr.backup.databases." + FoodTruckDatabase.NAME + ".url=" + engines.jdbcUrl(FoodTruckDatabase.NAME));
            // ... and the command centre's own databases, on their own schedule (dr self restore brings them back)
            args.addAll(CommandCentreDatabases.backupPolicies(engines::jdbcUrl));
            // drills declare and walk their incident there
            services.stream().filter(s -> s.name().equals("incident-service")).findFirst()
                    .ifPresent(incident -> args.add("--dr.drill.incident-url=" + incident.url()));
            // ... with a token it mints from the local issuer's key, as the drill incident's DR lead
            args.add("--dr.drill.token-signing-key="
                    + LocalSigningKey.in(settings.dataDir().resolve("keys")).privateKeyFile());
        }
        return Java.command("384m", List.of(), args);
    }

    private boolean ready(ServiceSpec service) {
        try {
            HttpResponse<Void> response = http.send(HttpRequest.newBuilder(
                            URI.create(service.url() + "/actuator/health/readiness")).timeout(Duration.ofSeconds(3)).build(),
                    HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (Exception e) {
            return false;
        }
    }

    /** Stops the services first (they drain their consumers), then the engines. */
    @Override
    public void close() {
        for (int i = processes.size() - 1; i >= 0; i--) {
            processes.get(i).close();
        }
        if (engines != null) {
            engines.close();
        }
    }
}
