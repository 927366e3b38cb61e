package org.drcc.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.drcc.engines.EngineSettings;
import org.drcc.engines.Engines;
import org.drcc.engines.KafkaEngine;
import org.drcc.engines.Ports;
import org.drcc.engines.PostgresEngine;
import org.drcc.engines.S3Engine;
import org.drcc.testsupport.ContainerEngines;
import org.drcc.testsupport.KeycloakProcess;
import org.drcc.testsupport.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.DockerClientFactory;

/**
 * {@code docker-compose.yml} checked by running it: each service's jar started as its image starts it, with exactly
 * the environment compose gives it (variables resolved from a deployment's {@code .env} and the file's defaults), under
 * the {@code prod} profile compose sets, as a user that is not root with a read-only home, reading its keys from the
 * directory compose mounts ({@link ComposedService} says what a machine without Docker changes). Compose's engines are
 * played by the project's own: PostgreSQL 15 made by compose's {@code deploy/postgres/init.sh} (the least-privilege
 * roles, the demo {@code foodtruck}), Kafka, the S3 server with the buckets compose's {@code minio-init} makes, and
 * Keycloak from its distribution with the realm compose imports. It proves what an operator checks after
 * {@code docker compose up} (README, "Deploy, step by step"): every service's own healthcheck passes; a token the
 * identity provider gives the drills' client is accepted by every service, and one from any other key by none; a drill
 * passes, its incident walked by backup-service with its own client-credentials token; a person signs in to the
 * operator console at the identity provider's own login page (headless Chromium) and lands on the incident board; no
 * key was made anew and no secret of the {@code .env} is in any log.
 *
 * <p>Where the embedded engines cannot play their compose role, the test says so rather than fake it: the S3 server
 * has no users or IAM policies (the services' own S3 users are accepted as any credentials are; the policies are
 * checked as documents by {@link LeastPrivilegeDeployTest}), the embedded PostgreSQL trusts loopback connections (the
 * roles are real, their passwords are not checked), and Keycloak keeps its realm in its own dev database instead of
 * compose's PostgreSQL. Where a Docker engine runs, the same checks run again on containers (dr-test-support's
 * {@link ContainerEngines}): PostgreSQL with passwords, and MinIO with compose's {@code minio-init} run in it, so each
 * service works as its own S3 user under its policy.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ComposeIT {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Path COMPOSE = ROOT.resolve("docker-compose.yml");
    private static final String CONSOLE = "operator-console";
    private static final List<String> SERVICES = List.of("incident-service", "backup-service", "notification-service",
            "metrics-service");
    /** A call each service answers to any of the plan's roles. */
    private static final Map<String, String> READ = Map.of("incident-service", "/api/incidents",
            "backup-service", "/api/backups", "notification-service", "/api/plan", "metrics-service", "/api/metrics");
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The person who signs in to the console (the realm compose imports has nobody: people come from a directory). */
    private static final String CONSOLE_PERSON = "console-dana";

    /** The deployment's .env: every secret compose requires or takes, and a small demo foodtruck. */
    private final Map<String, String> dotEnv = new TreeMap<>();
    /** The secrets of the .env, each distinctive, so that the logs can be searched for them. */
    private final Map<String, String> secrets = new TreeMap<>();
    private final HttpClient http = HttpClient.newHttpClient();
    private CompletableFuture<KeycloakProcess> keycloak;
    /** The console's port here, known before Keycloak starts: the realm's console client must accept it as redirect. */
    private final int consolePort = Ports.free();

    @TempDir
    Path dir;

    @BeforeAll
    void identityProvider() {
        Map<String, String> postgres = new ComposeFile(COMPOSE, Map.of()).environment("postgres");
        postgres.keySet().stream().filter(k -> k.startsWith("DR_DB_") || k.equals("POSTGRES_PASSWORD")).forEach(this::secret);
        List.of("KEYCLOAK_ADMIN_PASSWORD", "DR_DRILL_CLIENT_SECRET", "MINIO_ROOT_PASSWORD", "DR_S3_INCIDENT_SECRET_KEY",
                "DR_S3_BACKUP_SECRET_KEY", "DR_S3_METRICS_SECRET_KEY").forEach(this::secret);
        secrets.put("the console person's password", "pw-" + UUID.randomUUID());
        dotEnv.put("DR_FOODTRUCK_DEMO_MB", "1");
        // Keycloak as compose runs it, the realm from where compose mounts it, the placeholder from its environment;
        // it starts beside the engines, it is the slowest
        ComposeFile compose = new ComposeFile(COMPOSE, dotEnv);
        Path realm = withAPersonAndTheConsoleHere(
                ROOT.resolve(compose.bindMounts("keycloak").get("/opt/keycloak/data/import/realm-dr.json")));
        String drillSecret = compose.environment("keycloak").get("DR_DRILL_CLIENT_SECRET");
        keycloak = CompletableFuture.supplyAsync(() -> KeycloakProcess.start(realm,
                Map.of("DR_DRILL_CLIENT_SECRET", drillSecret)));
    }

    /**
     * The realm compose imports, with one person (role dr-lead, a password of this run) and the console's address here
     * among the redirect URIs of its client {@code dr-console}; written under the realm's own file name, which the
     * import folder of the distribution keeps.
     */
    private Path withAPersonAndTheConsoleHere(Path realm) {
        try {
            com.fasterxml.jackson.databind.node.ObjectNode doc = (com.fasterxml.jackson.databind.node.ObjectNode) JSON.readTree(realm.toFile());
            doc.withArray("clients").forEach(client -> {
                if ("dr-console".equals(client.path("clientId").asText())) {
                    ((com.fasterxml.jackson.databind.node.ObjectNode) client).withArray("redirectUris")
                            .add("http://127.0.0.1:" + consolePort + "/login/oauth2/code/idp");
                }
            });
            com.fasterxml.jackson.databind.node.ObjectNode person = doc.withArray("users").addObject()
                    .put("username", CONSOLE_PERSON).put("enabled", true).put("email", CONSOLE_PERSON + "@example.org")
                    .put("emailVerified", true).put("firstName", "Dana").put("lastName", "Lead");
            person.putArray("realmRoles").add("dr-lead");
            person.putArray("credentials").addObject().put("type", "password")
                    .put("value", secrets.get("the console person's password")).put("temporary", false);
            Path copy = Files.createTempDirectory("drcc-realm-").resolve(realm.getFileName());
            JSON.writeValue(copy.toFile(), doc);
            return copy;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @AfterAll
    void stop() {
        keycloak.thenAccept(KeycloakProcess::close).exceptionally(e -> null).join();
    }

    @Test
    void composeComesUpOnTheEmbeddedEnginesAcceptsTheIdentityProvidersTokenAndADrillPasses() throws Exception {
        EngineSettings settings = EngineSettings.forTests(dir.resolve("engines"));
        ComposeFile compose = new ComposeFile(COMPOSE, dotEnv);
        try (KafkaEngine kafka = KafkaEngine.launch(settings);
             S3Engine s3 = S3Engine.launch(settings, bucketsOfMinioInit(compose), Ports.free());
             PostgresEngine postgres = PostgresEngine.start(settings)) {
            kafka.awaitReady();
            s3.awaitReady();
            Map<String, String> played = new LinkedHashMap<>();
            played.put("postgres:5432", "127.0.0.1:" + postgres.port());
            played.put("kafka:9092", kafka.bootstrapServers());
            played.put("minio:9000", s3.endpoint().getAuthority());
            // MinIO's HTTPS front for pgBackRest: the S3 server's own HTTPS port (no pgBackRest TLS server plays
            // compose's postgres here, so backup-service's base backups are not run: README "Deploy: point-in-time
            // recovery")
            played.put("minio-tls:9443", s3.httpsHostAndPort());
            composeRuns(played, PostgresEngine.USER, "");
        } finally {
            Engines.deleteTree(settings.dataDir());
        }
    }

    @Test
    void theSameOnContainersWhereADockerEngineRuns() throws Exception {
        assumeTrue(DockerClientFactory.instance().isDockerAvailable(),
                "no Docker engine here: the same checks ran on the embedded engines");
        ContainerEngines.Addresses containers = ContainerEngines.start();
        ComposeFile compose = new ComposeFile(COMPOSE, dotEnv);
        // compose's one-shot minio-init, in the MinIO container (mc is there): the buckets, the object-locked audit
        // archive, one user per service with its policy; MinIO's root user plays compose's
        StringBuilder script = new StringBuilder();
        Map<String, String> env = new LinkedHashMap<>(compose.environment("minio-init"));
        env.put("MINIO_ROOT_USER", containers.minioUser());
        env.put("MINIO_ROOT_PASSWORD", containers.minioPassword());
        env.forEach((k, v) -> script.append("export ").append(k).append("='").append(v).append("'\n"));
        script.append(compose.command("minio-init").replace("minio:9000", "127.0.0.1:9000"));
        ContainerEngines.inMinio(script.toString(), ROOT.resolve(compose.bindMounts("minio-init").get("/policies")),
                "/policies");
        Map<String, String> played = new LinkedHashMap<>();
        played.put("postgres:5432", containers.postgres());
        played.put("kafka:9092", containers.kafka());
        played.put("minio:9000", containers.minio());
        played.put("minio-tls:9443", containers.minio());
        composeRuns(played, containers.postgresUser(), containers.postgresPassword());
    }

    /** Compose's first start on the engines {@code played}, and the checks; everything started is stopped. */
    private void composeRuns(Map<String, String> played, String superuser, String superuserPassword) throws Exception {
        Path keys = Files.createTempDirectory("drcc-compose-keys-");
        Path home = Files.createTempDirectory("drcc-compose-home-");
        List<ComposedService> started = new ArrayList<>();
        ComposedService console = null;
        try {
            Map<String, String> env = new TreeMap<>(dotEnv);
            env.put("DR_KEYS_DIR", keys.toString());
            ComposeFile compose = new ComposeFile(COMPOSE, env);
            Map<String, String> addresses = new LinkedHashMap<>(played);
            addresses.put("keycloak:8080", URI.create(keycloak.join().issuer("dr")).getAuthority());
            SERVICES.forEach(s -> addresses.put(s + ":" + compose.containerPort(s), "127.0.0.1:" + Ports.free()));
            addresses.put(CONSOLE + ":" + compose.containerPort(CONSOLE), "127.0.0.1:" + consolePort);
            ComposedService.Loopback loopback = new ComposedService.Loopback(ROOT, compose.serviceNames(), addresses);

            initialisePostgres(compose, loopback, superuser, superuserPassword);
            Map<String, String> keyFiles = prepareKeys(keys, compose, loopback);
            Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("r-xr-xr-x"));
            Path logs = Files.createDirectories(dir.resolve("logs"));
            for (String service : SERVICES) {
                started.add(ComposedService.start(service, compose, loopback, home, logs));
            }
            for (ComposedService service : started) {
                // compose's own patience (start_period + retries x interval), doubled: four JVMs share two cores here
                service.awaitHealthy(Duration.ofSeconds(2 * compose.healthyWithinSeconds(service.name)));
            }
            // compose starts the console once incident-service is healthy
            console = ComposedService.start(CONSOLE, compose, loopback, home, logs);

            String token = theIdentityProvidersTokenIsAcceptedByEveryServiceAndNoOtherKeys(compose, loopback);
            aDrillPasses(compose, loopback, token);
            console.awaitHealthy(Duration.ofSeconds(2 * compose.healthyWithinSeconds(CONSOLE)));
            aPersonSignsInToTheConsoleAtTheIdentityProvider();

            assertThat(contents(keys)).as("the keys compose mounts, as prepared: under prod no service made a key")
                    .isEqualTo(keyFiles);
            try (var written = Files.list(home)) {
                assertThat(written).as("the read-only home").isEmpty();
            }
            for (Map.Entry<String, String> secret : secrets.entrySet()) {
                assertThat(console.log()).as("the console's log holds %s", secret.getKey()).doesNotContain(secret.getValue());
            }
            for (ComposedService service : started) {
                String log = service.log();
                assertThat(log.lines().filter(l -> l.startsWith("{\"@timestamp\"")))
                        .as("%s logs JSON under prod", service.name).isNotEmpty();
                for (Map.Entry<String, String> secret : secrets.entrySet()) {
                    assertThat(log).as("%s's log holds %s", service.name, secret.getKey())
                            .doesNotContain(secret.getValue());
                }
            }
        } finally {
            if (console != null) {
                console.close();
            }
            for (ComposedService service : started) {
                service.close();
            }
            Engines.deleteTree(keys);
            Engines.deleteTree(home);
        }
    }

    /** What compose's PostgreSQL runs on its first start: init.sh from where compose mounts it, with its environment. */
    private static void initialisePostgres(ComposeFile compose, ComposedService.Loopback loopback, String superuser,
                                           String password) throws Exception {
        Map<String, String> mounts = compose.bindMounts("postgres");
        Path initdb = ROOT.resolve(mounts.get("/docker-entrypoint-initdb.d"));
        String address = loopback.addresses().get("postgres:5432");
        ProcessBuilder init = new ProcessBuilder("bash", initdb.resolve("init.sh").toString()).redirectErrorStream(true);
        init.environment().putAll(ComposedService.environment("postgres", compose, loopback));
        // the superuser of the server that plays compose's (the image's entrypoint runs init.sh as POSTGRES_USER)
        init.environment().put("POSTGRES_USER", superuser);
        init.environment().put("PGPASSWORD", password);
        init.environment().put("PGHOST", address.substring(0, address.lastIndexOf(':')));
        init.environment().put("PGPORT", address.substring(address.lastIndexOf(':') + 1));
        Process process = init.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(180, TimeUnit.SECONDS)).as("init.sh finishes").isTrue();
        assertThat(process.exitValue()).as("deploy/postgres/init.sh:%n%s", out).isZero();
    }

    /**
     * The keys directory as an operator restores it from the off-site copy (README, "Deploy: keys"): owned by the
     * services' user, 0700, every key compose names there 0600: the audit signing keys (Ed25519, PKCS#8, the public
     * half beside) and the Tink keysets (what {@code tinkey create-keyset --key-template AES256_GCM} writes).
     */
    private static Map<String, String> prepareKeys(Path keys, ComposeFile compose, ComposedService.Loopback loopback)
            throws Exception {
        AeadConfig.register();
        for (String service : SERVICES) {
            for (String value : ComposedService.environment(service, compose, loopback).values()) {
                Path file = Path.of(value);
                if (!value.startsWith(keys + "/") || Files.exists(file)) {
                    continue;
                }
                if (value.endsWith(".pass")) {
                    // a passphrase (pgBackRest's repositories'): one line of hex
                    byte[] random = new byte[32];
                    new java.security.SecureRandom().nextBytes(random);
                    key(file, (java.util.HexFormat.of().formatHex(random) + "\n").getBytes(StandardCharsets.UTF_8));
                } else if (value.endsWith(".json")) {
                    key(file, TinkJsonProtoKeysetFormat.serializeKeyset(KeysetHandle.generateNew(
                            PredefinedAeadParameters.AES256_GCM), InsecureSecretKeyAccess.get()).getBytes(StandardCharsets.UTF_8));
                } else {
                    KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
                    key(file, pair.getPrivate().getEncoded());
                    key(file.resolveSibling(file.getFileName() + ".pub"), pair.getPublic().getEncoded());
                }
            }
        }
        Files.setPosixFilePermissions(keys, PosixFilePermissions.fromString("rwx------"));
        serviceUserOwns(keys);
        Map<String, String> prepared = contents(keys);
        assertThat(prepared).as("compose names the audit keys and the key-encryption keys in its keys directory")
                .containsKeys("incident-audit.key", "backup-audit.key", "notification-audit.key", "keyring-kek.json",
                        "backup-encryption-local.json");
        return prepared;
    }

    private static void key(Path file, byte[] bytes) throws Exception {
        Files.write(file, bytes);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        serviceUserOwns(file);
    }

    /** As root (CI), the file is handed to the user the services run as; otherwise they run as this user. */
    private static void serviceUserOwns(Path file) throws Exception {
        if ("root".equals(System.getProperty("user.name"))) {
            UserPrincipalLookupService users = file.getFileSystem().getUserPrincipalLookupService();
            PosixFileAttributeView view = Files.getFileAttributeView(file, PosixFileAttributeView.class);
            view.setOwner(users.lookupPrincipalByName("nobody"));
            view.setGroup(users.lookupPrincipalByGroupName("nogroup"));
        }
    }

    /** Each file of the folder with its permissions and a digest of its bytes. */
    private static Map<String, String> contents(Path folder) throws Exception {
        Map<String, String> files = new TreeMap<>();
        try (var list = Files.list(folder)) {
            for (Path file : list.toList()) {
                files.put(file.getFileName().toString(), PosixFilePermissions.toString(Files.getPosixFilePermissions(file))
                        + " " + Base64.getEncoder().encodeToString(java.security.MessageDigest.getInstance("SHA-256")
                        .digest(Files.readAllBytes(file))));
            }
        }
        files.values().forEach(v -> assertThat(v).as("a key readable by its owner only").startsWith("rw-------"));
        return files;
    }

    /**
     * The drills' client of the realm gets a token by the client-credentials grant, as backup-service does; every
     * service accepts it, and the incident it declares names the drill as compose tells the drill it is named; a token signed by another key is refused
     * everywhere, and a wrong client secret gets no token. Returns the token.
     */
    private String theIdentityProvidersTokenIsAcceptedByEveryServiceAndNoOtherKeys(ComposeFile compose,
            ComposedService.Loopback loopback) throws Exception {
        Map<String, String> backup = ComposedService.environment("backup-service", compose, loopback);
        String client = backup.get("SPRING_SECURITY_OAUTH2_CLIENT_REGISTRATION_DRILL_CLIENTID");
        String secret = backup.get("SPRING_SECURITY_OAUTH2_CLIENT_REGISTRATION_DRILL_CLIENTSECRET");
        String tokenUri = backup.get("SPRING_SECURITY_OAUTH2_CLIENT_PROVIDER_DRILL_TOKENURI");
        HttpResponse<String> granted = token(tokenUri, client, secret);
        assertThat(granted.statusCode()).as(granted.body()).isEqualTo(200);
        String token = JSON.readTree(granted.body()).path("access_token").asText();
        assertThat(token(tokenUri, client, "not-the-secret").statusCode()).as("a wrong client secret").isIn(400, 401);

        String forged = TestTokens.bearer("dr-lead", "mallory");
        for (String service : SERVICES) {
            String url = url(service, compose, loopback) + READ.get(service);
            assertThat(send(url, "Bearer " + token, null).statusCode()).as("%s accepts the identity provider's token",
                    service).isEqualTo(200);
            assertThat(send(url, forged, null).statusCode()).as("%s: a token from a key the provider does not hold",
                    service).isEqualTo(401);
        }
        String title = "Declared with the identity provider's token " + UUID.randomUUID();
        HttpResponse<String> declared = send(url("incident-service", compose, loopback) + "/api/incidents",
                "Bearer " + token, "{\"scenario\":\"database-corruption\",\"title\":\"" + title + "\"}");
        assertThat(declared.statusCode()).as(declared.body()).isEqualTo(201);
        assertThat(JSON.readTree(declared.body()).path("declaredBy").asText())
                .as("the name the drills' tokens carry is the one compose tells the drill to act as (DR_DRILL_ACTOR)")
                .isEqualTo(backup.get("DR_DRILL_ACTOR"));
        return token;
    }

    /**
     * The console under compose's {@code prod}: opening it leads to the identity provider's own login page; the person's
     * user name and password there lead back to the incident board, read from incident-service with the token the
     * provider gave (the scenarios to declare come from its API). The browser never sees that token.
     */
    private void aPersonSignsInToTheConsoleAtTheIdentityProvider() throws Exception {
        String console = "http://127.0.0.1:" + consolePort;
        try (ConsoleWalk browser = ConsoleWalk.at(console)) {
            browser.signInAtTheIdentityProvider(URI.create(keycloak.join().issuer("dr")).getAuthority(), CONSOLE_PERSON,
                    secrets.get("the console person's password"));
        }
    }

    /** {@code dr drill run} as an operator runs it after compose's start (README, "Deploy, step by step", 6). */
    private void aDrillPasses(ComposeFile compose, ComposedService.Loopback loopback, String token) {
        CliRun run = CliRun.of("drill", "run", "database-corruption",
                "--incident-url", url("incident-service", compose, loopback),
                "--backup-url", url("backup-service", compose, loopback), "--token", token);
        System.out.println(run.out());
        assertThat(run.exit()).as("dr drill run; output:%n%s%s", run.out(), run.err()).isZero();
        assertThat(run.out()).contains("ok     backup ready", "ok     database restored",
                "ok     data verified against the manifest", "ok     incident closed", "PASSED");
    }

    /** The buckets compose's minio-init makes ({@code mc mb}, also in its loop), for the S3 server to start with. */
    private static List<String> bucketsOfMinioInit(ComposeFile compose) {
        String script = compose.command("minio-init");
        List<String> buckets = new ArrayList<>();
        Matcher loop = Pattern.compile("for bucket in ([^;]+);").matcher(script);
        while (loop.find()) {
            buckets.addAll(List.of(loop.group(1).trim().split("\\s+")));
        }
        Matcher made = Pattern.compile("mc mb [^\\n]*?dr/([a-z0-9.-]+)").matcher(script);
        while (made.find()) {
            buckets.add(made.group(1));
        }
        assertThat(buckets).as("minio-init makes the buckets").contains("dr-audit-archive", "dr-backups-primary");
        return buckets;
    }

    private static String url(String service, ComposeFile compose, ComposedService.Loopback loopback) {
        return "http://127.0.0.1:" + loopback.port(service, compose);
    }

    private HttpResponse<String> token(String tokenUri, String client, String secret) throws Exception {
        String basic = Base64.getEncoder().encodeToString((client + ":" + secret).getBytes(StandardCharsets.UTF_8));
        return http.send(HttpRequest.newBuilder(URI.create(tokenUri))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> send(String url, String authorization, String jsonBody) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Authorization", authorization)
                .timeout(Duration.ofSeconds(30));
        if (jsonBody != null) {
            request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(jsonBody));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private void secret(String variable) {
        secrets.put(variable, "compose-it-" + variable.toLowerCase().replace('_', '-') + "-" + UUID.randomUUID());
        dotEnv.put(variable, secrets.get(variable));
    }
}
