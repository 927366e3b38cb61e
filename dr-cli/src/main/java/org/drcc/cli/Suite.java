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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.drcc.engines.Buckets;
import org.drcc.engines.ChildProcess;
import org.drcc.engines.EngineSettings;
import org.drcc.engines.Engines;
import org.drcc.engines.FoodTruckDatabase;
import org.drcc.engines.LocalSigningKey;
import org.drcc.engines.Java;
import org.drcc.engines.Ports;
import org.drcc.engines.WalArchive;

/**
 * The whole suite on this machine: the engines, then the four services, the console and the demo Food Truck application
 * as their own JVMs. An application instance that exits (the failover drill stops one) is started again, as systemd's
 * {@code Restart=always} or a Kubernetes Deployment would.
 */
final class Suite implements AutoCloseable {

    private static final Duration SERVICE_START_TIMEOUT = Duration.ofMinutes(4);

    private final Path home;
    private final EngineSettings settings;
    private final List<ServiceSpec> services;
    private final PrintStream out;
    private final List<ChildProcess> processes = new ArrayList<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final Path pgToolsDir;
    private final StartupArchives archives;
    private Engines engines;
    private boolean closing;

    /** {@code pgToolsDir}: where backup-service finds pg_dump and pg_restore; null for the PATH. */
    Suite(Path home, EngineSettings settings, List<ServiceSpec> services, PrintStream out, Path pgToolsDir) {
        this.home = home;
        this.pgToolsDir = pgToolsDir;
        this.settings = settings;
        this.services = services;
        this.out = out;
        this.archives = new StartupArchives(out);
    }

    void start() throws Exception {
        for (ServiceSpec service : services) {
            if (!Files.isRegularFile(service.jar(home))) {
                throw new IllegalStateException(service.jar(home) + " is missing: build first (mvn -DskipTests clean package, or let ./dr do it)");
            }
            ChildProcess.stopOrphan(settings.runDir().resolve(service.processName() + ".pid"));
            if (Ports.inUse(service.port())) {
                throw new PortInUseException(service.processName(), service.port(), service.portOption());
            }
        }
        archives.prepare(services.stream().map(s -> s.jar(home)).toList());
        out.println("Starting PostgreSQL, Kafka and S3 (data in " + settings.dataDir() + ") ...");
        engines = Engines.start(settings);
        out.println("Starting " + services.size() + " services ...");
        for (ServiceSpec service : services) {
            processes.add(ChildProcess.start(service.processName(), command(service), settings.logDir(), settings.runDir()));
        }
        for (int i = 0; i < services.size(); i++) {
            ServiceSpec service = services.get(i);
            processes.get(i).awaitReady(() -> ready(service), SERVICE_START_TIMEOUT);
            out.println("  " + service.processName() + " is ready");
            if (service.app()) {
                supervise(i);
            }
        }
        writeStartupArchives();
    }

    /** Once per build, the first start takes each service's startup archive, for the starts after it. */
    private void writeStartupArchives() {
        Map<Path, Long> wanted = new LinkedHashMap<>();
        for (int i = 0; i < services.size(); i++) {
            if (services.get(i).instance() == 1 && archives.wanted(services.get(i).jar(home))) {
                wanted.put(services.get(i).jar(home), processes.get(i).pid());
            }
        }
        if (!wanted.isEmpty()) {
            out.println("Writing the services' startup archives (once after a build: later starts are quicker) ...");
            archives.write(wanted);
        }
    }

    /** Starts application instance {@code i} again whenever it exits, until the suite stops. */
    private void supervise(int i) {
        ServiceSpec app = services.get(i);
        processes.get(i).onExit().thenRun(() -> {
            synchronized (this) {
                if (closing) {
                    return;
                }
                out.println("  " + app.processName() + " exited: starting it again");
                processes.set(i, ChildProcess.start(app.processName(), command(app), settings.logDir(), settings.runDir()));
                supervise(i);
            }
        });
    }

    void printUrls() {
        out.println();
        out.println("The DR command centre is up. Logs: " + settings.logDir());
        for (ServiceSpec s : services) {
            if (s.app()) {
                out.printf("  %-23s %s/api/trucks   its checks %s/api/checks   releases %s/api/release%n",
                        s.processName(), s.url(), s.url(), s.url());
                continue;
            }
            if (s.console()) {
                out.printf("  %-23s %s   sign in with the token of ./dr login (cat %s)%n", "operator console", s.url(),
                        settings.dataDir().resolve("token"));
                continue;
            }
            out.printf("  %-23s %s/api   Swagger UI %s/swagger-ui.html   Prometheus %s/actuator/prometheus%n",
                    s.processName(), s.url(), s.url(), s.url());
        }
        out.printf("  %-23s %s (user postgres; databases %s, %s, foodtruck)%n", "PostgreSQL",
                engines.jdbcUrl("<database>"), String.join(", ", Engines.SERVICE_DATABASES), Engines.KEYRING_DATABASE);
        out.printf("  %-23s %s%n", "Kafka", engines.bootstrapServers());
        out.printf("  %-23s %s (buckets %s)%n", "S3", engines.s3Endpoint(), String.join(", ", Buckets.ALL));
        out.println("Press Ctrl-C to stop everything.");
    }

    private List<String> command(ServiceSpec service) {
        if (service.console()) {
            return consoleCommand(service);
        }
        if (service.app()) {
            return appCommand(service);
        }
        StartupArchives.Launch launch = launch(service);
        List<String> args = new ArrayList<>(launch.jar());
        args.addAll(List.of("--server.port=" + service.port(),
                "--spring.datasource.url=" + engines.jdbcUrl(service.database()),
                "--dr.privacy.keyring.url=" + engines.jdbcUrl(Engines.KEYRING_DATABASE),
                "--spring.kafka.bootstrap-servers=" + engines.bootstrapServers(),
                "--dr.s3.endpoint=" + engines.s3Endpoint(),
                // the key that signs the audit trail's checkpoints, in the data folder's keys/ (not in the databases or the
                // buckets; README "Restore the command centre itself" says to copy that folder off-site)
                "--dr.audit.signing-key-file=" + settings.dataDir().resolve("keys").resolve(service.database() + "-audit.key"),
                // the local stand-in for an identity provider: services check tokens with its public key
                "--dr.security.public-key=" + LocalSigningKey.in(settings.dataDir().resolve("keys")).publicKeyFile()));
        if (service.name().equals("backup-service")) {
            // the database it protects, on whichever port PostgreSQL was started
            if (pgToolsDir != null) {
                args.add("--dr.backup.tools-dir=" + pgToolsDir.toAbsolutePath());
            }
            args.add("--dr.backup.databases." + FoodTruckDatabase.NAME + ".url=" + engines.jdbcUrl(FoodTruckDatabase.NAME));
            // ... and the command centre's own databases, on their own schedule (dr self restore brings them back)
            args.addAll(CommandCentreDatabases.backupPolicies(engines::jdbcUrl));
            // drills declare and walk their incident there
            services.stream().filter(s -> s.name().equals("incident-service")).findFirst()
                    .ifPresent(incident -> args.add("--dr.drill.incident-url=" + incident.url()));
            // the application drills' instances of the demo application, in the order its clients try them
            List<String> apps = services.stream().filter(ServiceSpec::app).map(ServiceSpec::url).toList();
            if (!apps.isEmpty()) {
                args.add("--dr.drill.app.urls=" + String.join(",", apps));
            }
            // ... with a token it mints from the local issuer's key, as the drill incident's DR lead
            args.add("--dr.drill.token-signing-key="
                    + LocalSigningKey.in(settings.dataDir().resolve("keys")).privateKeyFile());
            // the dumps' key-encryption key: made on first start in ~/.drcc (the default), outside the data folder
            // that --fresh or a lost disk wipes, so the backups copied elsewhere stay restorable
            args.add("--dr.backup.encryption.create-missing-key=true");
            // point-in-time recovery: the server archives its WAL with pgBackRest (the archive command names this
            // configuration directory) into the three buckets, over S3Mock's HTTPS port and its self-signed certificate;
            // the repositories' passphrase beside the other keys in the data folder's keys/ (copy it off-site)
            args.add("--dr.backup.pitr.enabled=true");
            args.add("--dr.backup.pitr.config-dir=" + engines.walArchiveConfigDir());
            args.add("--dr.backup.pitr.cipher-pass-file=" + WalArchive.passphraseFile(settings.dataDir()));
            args.add("--dr.backup.pitr.create-missing-key=true");
            args.add("--dr.backup.pitr.s3-endpoint=" + engines.s3HttpsHostAndPort());
            args.add("--dr.backup.pitr.verify-tls=false");
        }
        if (service.name().equals("incident-service") && System.getenv("DR_ARCHIVE_OFFSITE_BUCKET") == null) {
            // the audit archive's off-site copy, in a bucket of its own on the same local store, so that what the day
            // the primary site is gone needs (dr audit verify --copy offsite, dr audit evidence --copy offsite) can be
            // tried here; a deployment gives it a store in another region (dr.archive.offsite.endpoint), and the
            // service warns that this one is not. A bucket the operator named (the variable) is theirs to keep.
            args.add("--dr.archive.offsite.bucket=" + Buckets.AUDIT_OFFSITE);
        }
        return Java.command("384m", launch.options(), args);
    }

    private StartupArchives.Launch launch(ServiceSpec service) {
        return archives.launch(service.jar(home), service.instance() == 1);
    }

    /**
     * The demo application reads {@code foodtruck}, checks tokens with the local issuer's public key, and runs the release
     * its deployment ledger in the data folder names (shared by its instances, kept across restarts).
     */
    private List<String> appCommand(ServiceSpec app) {
        StartupArchives.Launch launch = launch(app);
        List<String> args = new ArrayList<>(launch.jar());
        args.addAll(List.of("--server.port=" + app.port(),
                "--spring.datasource.url=" + engines.jdbcUrl(app.database()),
                "--spring.security.oauth2.resourceserver.jwt.public-key-location=file:"
                        + LocalSigningKey.in(settings.dataDir().resolve("keys")).publicKeyFile().toAbsolutePath(),
                "--demo.release.ledger=" + settings.dataDir().resolve(ServiceSpec.APP).resolve("deployments.log")));
        return Java.command("192m", launch.options(), args);
    }

    /** The console keeps no data: it needs the services' URLs and Kafka for its live pages. */
    private List<String> consoleCommand(ServiceSpec console) {
        StartupArchives.Launch launch = launch(console);
        List<String> args = new ArrayList<>(launch.jar());
        args.addAll(List.of("--server.port=" + console.port(),
                "--spring.kafka.bootstrap-servers=" + engines.bootstrapServers()));
        for (ServiceSpec service : services) {
            // the first instance of each: Spring joins an option given twice with a comma, and with --instances 2 the
            // console was handed "url1,url2", reached no service and refused every sign-in (found by OperatorIT)
            if (!service.console() && !service.app() && service.instance() == 1) {
                args.add("--dr.console." + service.name().replace("-service", "") + "-url=" + service.url());
            }
        }
        return Java.command("256m", launch.options(), args);
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

    /**
     * Stops the services first (they drain their consumers and relays), all at once, so that the stop takes as long
     * as the slowest rather than their sum; then the engines, also side by side. Says every 2 s what it is still
     * waiting for.
     */
    @Override
    public void close() {
        synchronized (this) {
            closing = true;
        }
        long start = System.nanoTime();
        Map<String, CompletableFuture<Void>> stopping = new LinkedHashMap<>();
        for (int i = processes.size() - 1; i >= 0; i--) {
            String name = services.get(i).processName();
            stopping.put(name, stopAsync(name, processes.get(i)::close));
        }
        await(stopping, start);
        if (engines != null) {
            // nothing uses them any more: Kafka and PostgreSQL stop side by side, each reported on its own; S3
            // after PostgreSQL, whose archiver pushes the last WAL segments to the S3 repositories as it stops
            Map<String, CompletableFuture<Void>> engineStops = new LinkedHashMap<>();
            engineStops.put("Kafka", stopAsync("kafka", engines.kafka()::close));
            engineStops.put("PostgreSQL", stopAsync("postgres", engines::stopPostgres));
            await(engineStops, start);
            await(new LinkedHashMap<>(Map.of("S3", stopAsync("s3", engines::stopS3))), start);
        }
        out.printf("Stopped in %.1f s%n", (System.nanoTime() - start) / 1e9);
    }

    private static CompletableFuture<Void> stopAsync(String name, Runnable stop) {
        return CompletableFuture.runAsync(stop, task -> {
            Thread thread = new Thread(task, "dr-stop-" + name);
            thread.setDaemon(true);
            thread.start();
        });
    }

    private void await(Map<String, CompletableFuture<Void>> stopping, long start) {
        Map<String, CompletableFuture<Void>> waiting = new LinkedHashMap<>(stopping);
        while (!waiting.isEmpty()) {
            try {
                CompletableFuture.anyOf(waiting.values().toArray(CompletableFuture[]::new)).get(2, TimeUnit.SECONDS);
            } catch (TimeoutException e) {
                out.printf("  waiting for %s to stop (%.0f s)%n", String.join(", ", waiting.keySet()),
                        (System.nanoTime() - start) / 1e9);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (ExecutionException e) {
                // one stop failed: reported below with the others that ended
            }
            waiting.entrySet().removeIf(w -> {
                if (!w.getValue().isDone()) {
                    return false;
                }
                out.printf("  %s stopped (%.1f s)%s%n", w.getKey(), (System.nanoTime() - start) / 1e9,
                        w.getValue().isCompletedExceptionally() ? ": " + failure(w.getValue()) : "");
                return true;
            });
        }
    }

    private static String failure(CompletableFuture<Void> stop) {
        try {
            stop.join();
            return "";
        } catch (RuntimeException e) {
            return e.getCause() != null ? e.getCause().getMessage() : e.getMessage();
        }
    }
}
