package org.drcc.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.drcc.engines.ChildProcess;
import org.drcc.engines.EngineSettings;
import org.drcc.engines.Engines;
import org.drcc.engines.FoodTruckDatabase;
import org.drcc.engines.Java;
import org.drcc.engines.LocalSigningKey;
import org.drcc.engines.LocalTokens;
import org.drcc.engines.Ports;
import org.drcc.engines.WalArchive;

/**
 * The procedure "restore the command centre itself" (root README). backup-service cannot restore the database it
 * runs on, and on the day this runs its database is one of those lost; so a recovery instance of backup-service
 * runs on a scratch database ({@value #RECOVERY_DATABASE}), rebuilds its catalogue from the tier's catalogue objects
 * and restores each database through the same restore API and code as any restore (download, SHA-256 check,
 * decryption when dumps are encrypted, pg_restore). Nothing here reads a dump or runs a PostgreSQL tool itself.
 */
final class SelfRestore {

    /** The recovery backup-service's own database; kept afterwards as the record of what it restored. */
    static final String RECOVERY_DATABASE = "drcc_recovery";
    /** The services whose signed audit trails `dr audit verify` checks: their keys must be back before a restore. */
    private static final List<String> AUDITED = List.of("incident", "backup", "notification");
    private static final Duration WAIT = Duration.ofMinutes(30);

    private final Path home;
    private final EngineSettings settings;
    private final int backupPort;
    private final String tier;
    private final String actor;
    private final PrintStream out;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    SelfRestore(Path home, EngineSettings settings, int backupPort, String tier, String actor, PrintStream out) {
        this.home = home;
        this.settings = settings;
        this.backupPort = backupPort;
        this.tier = tier;
        this.actor = actor;
        this.out = out;
    }

    void run() throws Exception {
        Path keys = settings.dataDir().resolve("keys");
        requireAuditKeys(keys);
        requirePassphrase();
        requireKeyEncryptionKeys();
        Path jar = new ServiceSpec("backup-service", backupPort, RECOVERY_DATABASE).jar(home);
        if (!Files.isRegularFile(jar)) {
            throw new CliException(CliException.USAGE, jar + " is missing: build first (mvn -DskipTests package)");
        }
        if (Ports.inUse(backupPort)) {
            throw new PortInUseException("backup-service", backupPort, "--backup-port");
        }
        // a Kafka log that survived still holds what the relays published; a new one holds nothing
        boolean newKafka = !Files.exists(settings.dataDir().resolve("kafka").resolve("data").resolve("meta.properties"));
        out.println("Starting PostgreSQL, Kafka and S3 (data in " + settings.dataDir() + ") ...");
        try (Engines engines = Engines.start(settings)) {
            requireEmpty(engines);
            engines.postgres().createDatabase(RECOVERY_DATABASE);
            out.println("Starting a recovery backup-service on the scratch database " + RECOVERY_DATABASE + " ...");
            try (ChildProcess recovery = ChildProcess.start("backup-service-recovery", command(engines, jar, keys),
                    settings.logDir(), settings.runDir())) {
                String url = "http://127.0.0.1:" + backupPort;
                recovery.awaitReady(() -> ready(url), Duration.ofMinutes(4));
                Api api = new Api("backup-service", url, new LocalTokens(LocalSigningKey.in(keys))
                        .issue(actor, List.of("dba"), Duration.ofHours(2)));
                rebuild(api);
                for (String database : CommandCentreDatabases.ALL) {
                    restore(api, database);
                }
            }
            if (newKafka) {
                republishEverything(engines);
            }
        }
        out.println();
        out.println("The command centre's databases are back. Start it: ./dr up (with the same --data-dir and ports).");
    }

    private void requireAuditKeys(Path keys) {
        List<String> missing = AUDITED.stream().map(s -> s + "-audit.key").filter(f -> !Files.isRegularFile(keys.resolve(f)))
                .toList();
        if (!missing.isEmpty()) {
            throw new CliException(CliException.REFUSED, "the audit signing keys " + missing + " are not in " + keys
                    + ": put the keys folder back from its off-site copy first. Without them the restored audit "
                    + "trails cannot be verified and new checkpoints would be signed with new keys (README: "
                    + "\"Restore the command centre itself\")");
        }
    }

    /**
     * pgBackRest's passphrase (made by backup-service with the kit's {@code KeyFiles} on the first start): without it
     * the WAL archive and the base backups in the buckets cannot be read, and the next start would make a new one
     * that cannot open them either.
     */
    private void requirePassphrase() {
        Path passphrase = WalArchive.passphraseFile(settings.dataDir());
        if (!Files.isRegularFile(passphrase)) {
            throw new CliException(CliException.REFUSED, "the WAL archive's passphrase " + passphrase.getFileName()
                    + " is not in " + passphrase.getParent() + ": put the keys folder back from its off-site copy "
                    + "first. Without it the archived WAL and the base backups in the buckets cannot be read (no "
                    + "restore to an instant), and the next ./dr up would make a new passphrase that cannot read them "
                    + "either (README: \"Restore the command centre itself\"). Nothing was started.");
        }
    }

    /**
     * The key-encryption keys that live outside the data folder (the services' defaults, which {@code ./dr up} keeps:
     * {@code ~/.drcc}): the dumps' (every dump, the command centre's own included, is encrypted with a data key it
     * wraps) and the keyring's (it wraps every person's key in the restored keyring). A new site has them only if they
     * were put back from their off-site copy; without the first the recovery backup-service would make a new key under
     * the old id, which opens no dump, and without the second the restored keyring opens nothing.
     */
    private void requireKeyEncryptionKeys() {
        List<Path> missing = new ArrayList<>(dumpKeyFiles(System.getenv()));
        missing.add(keyFile("DR_PRIVACY_KEK_FILE", "keyring-kek.json"));
        missing.removeIf(Files::isRegularFile);
        if (!missing.isEmpty()) {
            throw new CliException(CliException.REFUSED, "the key-encryption keys " + missing + " are missing: put "
                    + "them back from their off-site copy first. Without the dumps' key no backup restores, and without "
                    + "the keyring's the restored keyring opens no sealed name (README: \"Restore the command centre "
                    + "itself\", the table of keys). Nothing was started.");
        }
    }

    /**
     * The dumps' key files backup-service reads, as it reads them (its {@code dr.backup.encryption.keys}): the
     * {@code local} id's, in {@code ~/.drcc} unless {@code DR_BACKUP_ENCRYPTION_KEYS_LOCAL} names another file or,
     * empty, none; and each other id's {@code DR_BACKUP_ENCRYPTION_KEYS_<ID>}. The active id must be among them.
     */
    static List<Path> dumpKeyFiles(Map<String, String> environment) {
        String prefix = "DR_BACKUP_ENCRYPTION_KEYS_";
        Map<String, Path> files = new java.util.TreeMap<>();
        String local = environment.get(prefix + "LOCAL");
        if (local == null) {
            files.put("LOCAL", Path.of(System.getProperty("user.home"), ".drcc", "backup-encryption-local.json"));
        }
        environment.forEach((name, value) -> {
            if (name.startsWith(prefix) && !value.isBlank()) {
                files.put(name.substring(prefix.length()), Path.of(value));
            }
        });
        String active = environment.getOrDefault("DR_BACKUP_ENCRYPTION_ACTIVE_KEY_ID", "local");
        if (!active.isBlank() && !files.containsKey(active.toUpperCase(java.util.Locale.ROOT).replace('-', '_'))) {
            throw new CliException(CliException.REFUSED, "the active dumps' key id '" + active + "' has no key file: set "
                    + prefix + active.toUpperCase(java.util.Locale.ROOT).replace('-', '_') + " as backup-service has it "
                    + "(README: \"Restore the command centre itself\"). Nothing was started.");
        }
        return List.copyOf(files.values());
    }

    /** Where the services read a key file: the variable that names it, else their default in {@code ~/.drcc}. */
    private static Path keyFile(String variable, String defaultName) {
        String named = System.getenv(variable);
        return named != null && !named.isBlank() ? Path.of(named)
                : Path.of(System.getProperty("user.home"), ".drcc", defaultName);
    }

    /** A restore fills empty databases only: it never replaces data a running command centre may still need. */
    private void requireEmpty(Engines engines) throws SQLException {
        for (String database : CommandCentreDatabases.ALL) {
            try (Connection c = engines.postgres().dataSource(database).getConnection(); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT count(*) FROM pg_tables "
                         + "WHERE schemaname NOT IN ('pg_catalog', 'information_schema')")) {
                rs.next();
                if (rs.getInt(1) > 0) {
                    throw new CliException(CliException.REFUSED, "the database " + database + " already holds "
                            + rs.getInt(1) + " tables: dr self restore only fills the empty databases of a data folder "
                            + "whose PostgreSQL cluster is gone (move " + settings.dataDir().resolve("postgres")
                            + " away first, keeping s3/ and keys/). Nothing was changed.");
                }
            }
        }
    }

    private List<String> command(Engines engines, Path jar, Path keys) {
        List<String> args = new ArrayList<>(List.of("-jar", jar.toString(),
                "--server.port=" + backupPort,
                "--spring.datasource.url=" + engines.jdbcUrl(RECOVERY_DATABASE),
                // no shared keyring: the keyring database is one of those it restores; its own actors are sealed
                // with keys in its own database
                "--spring.kafka.bootstrap-servers=" + engines.bootstrapServers(),
                "--dr.s3.endpoint=" + engines.s3Endpoint(),
                "--dr.audit.signing-key-file=" + keys.resolve(RECOVERY_DATABASE + "-audit.key"),
                "--dr.security.public-key=" + LocalSigningKey.in(keys).publicKeyFile(),
                // the dumps' key must be the one put back (checked above), never a new one made under its id
                "--dr.backup.encryption.create-missing-key=false",
                // it takes no backups and runs no drills: it only restores, now
                "--dr.backup.scheduling-enabled=false",
                "--dr.backup.verify-after-backup=false",
                // a private instance on loopback run by this command alone: five restores must not wait a minute
                "--dr.limits.rate-limits=false",
                "--dr.backup.databases." + FoodTruckDatabase.NAME + ".url=" + engines.jdbcUrl(FoodTruckDatabase.NAME)));
        args.addAll(CommandCentreDatabases.backupPolicies(engines::jdbcUrl));
        return Java.command("384m", List.of(), args);
    }

    private void rebuild(Api api) {
        JsonNode report = api.post("/api/catalog/rebuild", Api.body("from", tier), WAIT);
        out.printf("Catalogue rebuilt from the %s tier: %d catalogue objects, %d imported, %d not imported%n", tier,
                report.path("found").asInt(), report.path("imported").size(), report.path("notImported").size());
        report.path("notImported").forEach(n -> out.printf("  not imported: %s: %s%n",
                n.path("catalogObject").asText(), n.path("reason").asText()));
    }

    /** The newest backup of the database the tier holds, verified by restore first if its catalogue says it is not. */
    private void restore(Api api, String database) throws InterruptedException {
        JsonNode newest = api.get("/api/backups", Map.of("database", database, "status", "COMPLETED", "limit", 1));
        if (newest.isEmpty()) {
            throw new CliException(CliException.REFUSED, "the " + tier + " tier holds no usable backup of " + database
                    + " (see the catalogue rebuild above): nothing more was restored");
        }
        String id = newest.get(0).path("backupId").asText();
        if (!"VERIFIED".equals(newest.get(0).path("verification").asText())) {
            out.printf("%-13s backup %s was not verified when its catalogue object was written: verifying it first%n",
                    database, id);
            api.postOnce("/api/backups/" + id + "/verify", Map.of());
            JsonNode verified = await(api, id, b -> !"UNVERIFIED".equals(b.path("verification").asText()));
            if (!"VERIFIED".equals(verified.path("verification").asText())) {
                throw new CliException(CliException.REFUSED, "the newest backup " + id + " of " + database
                        + " failed its verification: " + verified.path("verificationDetail").asText());
            }
        }
        JsonNode accepted = api.postOnce("/api/backups/" + id + "/restore",
                Api.body("targetDatabase", database, "confirmOverwrite", true, "from", tier));
        String restoreId = accepted.path("restoreId").asText();
        JsonNode done = restoreOf(await(api, id, b -> !"RUNNING".equals(restoreOf(b, restoreId).path("status").asText())),
                restoreId);
        if (!"RESTORED".equals(done.path("status").asText())) {
            throw new CliException(CliException.REFUSED, "restoring backup " + id + " into " + database + " failed: "
                    + done.path("failure").asText());
        }
        out.printf("%-13s restored from backup %s (restore point %s) read from %s%n", database, id,
                accepted.path("restorePoint").asText(), done.path("source").asText());
    }

    private static JsonNode restoreOf(JsonNode backup, String restoreId) {
        for (JsonNode restore : backup.path("restores")) {
            if (restoreId.equals(restore.path("restoreId").asText())) {
                return restore;
            }
        }
        return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }

    private static JsonNode await(Api api, String id, java.util.function.Predicate<JsonNode> done)
            throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            JsonNode backup = api.get("/api/backups/" + id, Map.of());
            if (done.test(backup)) {
                return backup;
            }
            if (System.nanoTime() > deadline) {
                throw new CliException(CliException.REFUSED, "backup " + id + " did not finish within " + WAIT);
            }
            Thread.sleep(500);
        }
    }

    /**
     * The Kafka log is new: whatever the relays published before is gone, and a consumer whose dump is older than
     * its producer's missed events the producer's relay position says were sent. Forgetting the relay positions
     * makes each service publish its whole restored event store again at its start (Axon starts a tracking
     * processor without a token at the tail of the store); consumers drop what they already acted on by the
     * event id their inbox (processed_event) restored with them, and act once on the rest. Done here, before any
     * service starts, because Axon can reset a processor's token only from inside the running service.
     */
    private void republishEverything(Engines engines) throws SQLException {
        for (String database : CommandCentreDatabases.ALL) {
            try (Connection c = engines.postgres().dataSource(database).getConnection(); Statement s = c.createStatement()) {
                try (ResultSet rs = s.executeQuery("SELECT to_regclass('public.tokenentry') IS NOT NULL")) {
                    rs.next();
                    if (!rs.getBoolean(1)) {
                        continue;
                    }
                }
                int forgotten = s.executeUpdate("DELETE FROM tokenentry WHERE processorname = 'kafka-relay'");
                if (forgotten > 0) {
                    out.printf("%-13s the relay publishes its whole event store again to the new Kafka%n", database);
                }
            }
        }
    }

    private boolean ready(String url) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(url + "/actuator/health/readiness"))
                    .timeout(Duration.ofSeconds(3)).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (Exception e) {
            return false;
        }
    }
}
