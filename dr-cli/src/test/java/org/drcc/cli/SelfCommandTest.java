package org.drcc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code dr self backup} against a stand-in backup-service, and what {@code dr self restore} refuses before it starts anything. */
class SelfCommandTest {

    @TempDir
    Path dataDir;

    private final List<String> backedUp = new CopyOnWriteArrayList<>();
    private volatile String failingVerification;
    /** Where the backups were written, and the tiers they were copied to: an ordinary day's by default. */
    private volatile String bucket = "dr-backups-primary";
    private volatile List<String> copiedTo = List.of("secondary", "tertiary");
    /** The databases backup-service has a policy for: ./dr up's, without an identity provider's. */
    private volatile List<String> policies = List.of("foodtruck", "keyring", "incident", "notification", "metrics", "backup");
    private HttpServer backupService;
    private String url;
    private final ByteArrayOutputStream errors = new ByteArrayOutputStream();
    private PrintStream stderr;

    @BeforeEach
    void start() throws IOException {
        backupService = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        backupService.createContext("/api/policies", exchange -> answer(exchange, 200, "[" + String.join(",",
                policies.stream().map(d -> "{\"database\":\"" + d + "\"}").toList()) + "]"));
        backupService.createContext("/api/backups", exchange -> {
            if (exchange.getRequestMethod().equals("POST")) {
                String database = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)
                        .replaceAll(".*\"database\":\"([a-z]+)\".*", "$1");
                backedUp.add(database);
                answer(exchange, 202, "{\"backupId\":\"b-" + database + "\",\"database\":\"" + database + "\",\"status\":\"RUNNING\"}");
                return;
            }
            String database = exchange.getRequestURI().getPath().replace("/api/backups/b-", "");
            String verification = database.equals(failingVerification) ? "FAILED" : "VERIFIED";
            answer(exchange, 200, "{\"backupId\":\"b-" + database + "\",\"status\":\"COMPLETED\",\"snapshotAt\":"
                    + "\"2026-11-30T08:00:01Z\",\"bucket\":\"" + bucket + "\",\"verification\":\"" + verification
                    + "\",\"verificationCheck\":\"table-checksum\",\"verificationDetail\":\"public.incident differs\","
                    + "\"copies\":[" + String.join(",", copiedTo.stream()
                            .map(tier -> "{\"tier\":\"" + tier + "\",\"status\":\"COPIED\"}").toList()) + "]}");
        });
        backupService.start();
        url = "http://127.0.0.1:" + backupService.getAddress().getPort();
        stderr = System.err;
        System.setErr(new PrintStream(errors, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void stop() {
        System.setErr(stderr);
        backupService.stop(0);
    }

    @Test
    void selfBackupTakesTheCommandCentresDatabasesOneAfterTheOtherBackupServicesOwnLast() {
        assertThat(Dr.run("self", "backup", "--backup-url", url, "--token", "t0ken")).isZero();
        assertThat(backedUp).containsExactly("keyring", "incident", "notification", "metrics", "backup");
    }

    @Test
    void selfBackupTakesTheIdentityProvidersDatabaseBeforeBackupServicesOwnWhereItIsProtected() {
        policies = List.of("foodtruck", "keyring", "incident", "notification", "metrics", "keycloak", "backup");
        assertThat(Dr.run("self", "backup", "--backup-url", url, "--token", "t0ken")).isZero();
        assertThat(backedUp).containsExactly("keyring", "incident", "notification", "metrics", "keycloak", "backup");
    }

    @Test
    void aBackupWrittenToTheSecondaryWhileThePrimaryWasGoneIsInEveryTierOnceCopiedToTheOtherTwo() {
        bucket = "dr-backups-secondary";
        copiedTo = List.of("tertiary", "primary");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream stdout = System.out;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            assertThat(Dr.run("self", "backup", "--backup-url", url, "--token", "t0ken", "--timeout", "PT5S")).isZero();
        } finally {
            System.setOut(stdout);
        }
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("verified, written to dr-backups-secondary, copied to tertiary, primary");
    }

    @Test
    void aFailedVerificationStopsTheSelfBackupAndSaysWhichCheckFailed() {
        failingVerification = "incident";

        assertThat(Dr.run("self", "backup", "--backup-url", url, "--token", "t0ken")).isEqualTo(1);
        assertThat(backedUp).as("nothing after the failed one").containsExactly("keyring", "incident");
        assertThat(errors.toString(StandardCharsets.UTF_8)).contains("b-incident", "table-checksum",
                "public.incident differs");
    }

    @Test
    void restoreRefusesWithoutTheAuditKeysAndStartsNothing() {
        assertThat(Dr.run("self", "restore", "--from", "tertiary", "--data-dir", dataDir.toString())).isEqualTo(1);
        assertThat(errors.toString(StandardCharsets.UTF_8)).contains("incident-audit.key", "off-site copy");
        assertThat(dataDir.resolve("postgres")).as("no engine was started").doesNotExist();
    }

    @Test
    void restoreRefusesWithoutTheWalArchivesPassphraseAndStartsNothing() throws IOException {
        Path keys = java.nio.file.Files.createDirectories(dataDir.resolve("keys"));
        for (String service : List.of("incident", "backup", "notification")) {
            java.nio.file.Files.writeString(keys.resolve(service + "-audit.key"), "key");
        }
        assertThat(Dr.run("self", "restore", "--from", "tertiary", "--data-dir", dataDir.toString())).isEqualTo(1);
        assertThat(errors.toString(StandardCharsets.UTF_8)).contains("pitr-cipher.pass", "off-site copy",
                "archived WAL").doesNotContain("audit signing keys");
        assertThat(dataDir.resolve("postgres")).as("no engine was started").doesNotExist();
    }

    @Test
    void restoreRefusesWithoutTheKeyEncryptionKeysOutsideTheDataFolderAndStartsNothing() throws IOException {
        Path keys = java.nio.file.Files.createDirectories(dataDir.resolve("keys"));
        for (String service : List.of("incident", "backup", "notification")) {
            java.nio.file.Files.writeString(keys.resolve(service + "-audit.key"), "key");
        }
        java.nio.file.Files.writeString(org.drcc.engines.WalArchive.passphraseFile(dataDir), "passphrase");
        // a new site: the keys folder put back, the home folder's ~/.drcc not
        String home = System.getProperty("user.home");
        System.setProperty("user.home", dataDir.resolve("new-home").toString());
        try {
            assertThat(Dr.run("self", "restore", "--from", "tertiary", "--data-dir", dataDir.toString())).isEqualTo(1);
        } finally {
            System.setProperty("user.home", home);
        }
        assertThat(errors.toString(StandardCharsets.UTF_8)).contains("backup-encryption-local.json", "keyring-kek.json",
                "off-site copy", "Nothing was started").doesNotContain("pitr-cipher.pass");
        assertThat(dataDir.resolve("postgres")).as("no engine was started").doesNotExist();
        assertThat(dataDir.resolve("new-home").resolve(".drcc")).as("no key was made").doesNotExist();
    }

    @Test
    void theDumpsKeyFilesRequiredAreThoseBackupServiceReadsTheActiveIdAmongThem() {
        String home = System.getProperty("user.home");
        assertThat(SelfRestore.dumpKeyFiles(java.util.Map.of()))
                .containsExactly(Path.of(home, ".drcc", "backup-encryption-local.json"));
        assertThat(SelfRestore.dumpKeyFiles(java.util.Map.of("DR_BACKUP_ENCRYPTION_KEYS_LOCAL", "",
                "DR_BACKUP_ENCRYPTION_KEYS_K2", "/keys/k2.json", "DR_BACKUP_ENCRYPTION_ACTIVE_KEY_ID", "k2")))
                .as("the local key turned off, a rotated one active").containsExactly(Path.of("/keys/k2.json"));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> SelfRestore.dumpKeyFiles(
                        java.util.Map.of("DR_BACKUP_ENCRYPTION_ACTIVE_KEY_ID", "k3")))
                .isInstanceOf(CliException.class).hasMessageContaining("DR_BACKUP_ENCRYPTION_KEYS_K3");
    }

    @Test
    void restoreNeedsAKnownTier() {
        assertThat(Dr.run("self", "restore", "--from", "offsite", "--data-dir", dataDir.toString())).isEqualTo(2);
        assertThat(errors.toString(StandardCharsets.UTF_8)).contains("primary, secondary or tertiary");
    }

    private static void answer(HttpExchange exchange, int status, String json) throws IOException {
        byte[] out = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, out.length);
        exchange.getResponseBody().write(out);
        exchange.close();
    }
}
