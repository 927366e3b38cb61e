package org.drcc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code dr backup restore}: by backup ID or {@code --before <instant>}, against a stand-in backup-service
 * that records what the CLI sends (no suite running).
 */
class BackupRestoreCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    record Request(String method, String path, String authorization, JsonNode body) {
    }

    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private HttpServer backupService;
    private String url;

    @BeforeEach
    void start() throws IOException {
        backupService = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        backupService.createContext("/", exchange -> {
            byte[] in = exchange.getRequestBody().readAllBytes();
            requests.add(new Request(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    exchange.getRequestHeaders().getFirst("Authorization"),
                    in.length == 0 ? null : JSON.readTree(in)));
            boolean refused = in.length > 0 && JSON.readTree(in).path("before").asText().startsWith("2001");
            byte[] out = (refused
                    ? "{\"status\":422,\"detail\":\"no verified backup of foodtruck was taken before 2001-01-01T00:00:00Z\"}"
                    : "{\"backupId\":\"b-42\",\"targetDatabase\":\"foodtruck_restored\"}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", refused ? "application/problem+json" : "application/json");
            exchange.sendResponseHeaders(refused ? 422 : 202, out.length);
            exchange.getResponseBody().write(out);
            exchange.close();
        });
        backupService.start();
        url = "http://127.0.0.1:" + backupService.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        backupService.stop(0);
    }

    @Test
    void beforeRestoresTheNewestVerifiedBackupBeforeTheInstant() {
        assertThat(run("backup", "restore", "--before", "2026-11-25T09:00:00Z", "--target-database", "foodtruck_restored"))
                .isZero();

        assertThat(requests).hasSize(1);
        Request sent = requests.get(0);
        assertThat(sent.method()).isEqualTo("POST");
        assertThat(sent.path()).isEqualTo("/api/restores");
        assertThat(sent.authorization()).isEqualTo("Bearer t0ken");
        assertThat(sent.body().toString()).isEqualTo("{\"database\":\"foodtruck\",\"before\":\"2026-11-25T09:00:00Z\","
                + "\"targetDatabase\":\"foodtruck_restored\",\"confirmOverwrite\":false}");
    }

    @Test
    void beforeTakesTheDatabaseAndTheOverwriteConfirmation() {
        assertThat(run("backup", "restore", "--before", "2026-11-25T09:00:00.5+01:00", "--database", "payments",
                "--target-database", "payments", "--confirm-overwrite")).isZero();

        JsonNode body = requests.get(0).body();
        assertThat(body.get("database").asText()).isEqualTo("payments");
        assertThat(body.get("before").asText()).as("sent as UTC").isEqualTo("2026-11-25T08:00:00.500Z");
        assertThat(body.get("targetDatabase").asText()).isEqualTo("payments");
        assertThat(body.get("confirmOverwrite").asBoolean()).isTrue();
    }

    @Test
    void aBackupIdStillRestoresThatBackup() {
        assertThat(run("backup", "restore", "b-42", "--target-database", "foodtruck_restored")).isZero();

        assertThat(requests).extracting(Request::path).containsExactly("/api/backups/b-42/restore");
        assertThat(requests.get(0).body().toString()).isEqualTo("{\"targetDatabase\":\"foodtruck_restored\","
                + "\"confirmOverwrite\":false}");
    }

    @Test
    void listShowsTheBackupIdTheApiAnswers() {
        java.io.PrintStream console = System.out;
        java.io.ByteArrayOutputStream printed = new java.io.ByteArrayOutputStream();
        System.setOut(new java.io.PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            assertThat(run("backup", "list")).isZero();
        } finally {
            System.setOut(console);
        }

        assertThat(requests).extracting(Request::path).containsExactly("/api/backups");
        assertThat(printed.toString(StandardCharsets.UTF_8)).as("the id column is the API's backupId").contains("b-42");
    }

    @Test
    void fromNamesTheCopyToRead() {
        assertThat(run("backup", "restore", "b-42", "--target-database", "dr_site", "--from", "tertiary")).isZero();

        assertThat(requests.get(0).body().get("from").asText()).isEqualTo("tertiary");
    }

    @Test
    void toTheEndOfTheArchiveAsksForAllTheArchiveHoldsFromTheTierNamed() {
        assertThat(run("backup", "restore", "--to-end-of-archive", "--target-database", "foodtruck", "--from",
                "tertiary")).isZero();

        assertThat(requests).extracting(Request::path).containsExactly("/api/restores");
        assertThat(requests.get(0).body().toString()).isEqualTo("{\"database\":\"foodtruck\",\"toEndOfArchive\":true,"
                + "\"targetDatabase\":\"foodtruck\",\"confirmOverwrite\":false,\"from\":\"tertiary\"}");
        assertThat(run("backup", "restore", "--to-end-of-archive", "--to-time", "2026-11-25T09:00:00Z",
                "--target-database", "x")).as("one way to name what to restore").isEqualTo(2);
        assertThat(requests).hasSize(1);
    }

    @Test
    void anIdAndBeforeTogetherOrNeitherIsAUsageErrorAndNothingIsSent() {
        assertThat(run("backup", "restore", "b-42", "--before", "2026-11-25T09:00:00Z", "--target-database", "x")).isEqualTo(2);
        assertThat(run("backup", "restore", "--target-database", "x")).isEqualTo(2);
        assertThat(run("backup", "restore", "b-42", "--database", "payments", "--target-database", "x")).isEqualTo(2);
        assertThat(requests).isEmpty();
    }

    @Test
    void anUnreadableInstantIsAUsageError() {
        assertThat(run("backup", "restore", "--before", "yesterday", "--target-database", "x")).isEqualTo(2);
        assertThat(run("backup", "restore", "--before", "2026-11-25", "--target-database", "x")).isEqualTo(2);
        assertThat(requests).isEmpty();
    }

    @Test
    void noVerifiedBackupBeforeTheInstantIsTheServicesRefusal() {
        assertThat(run("backup", "restore", "--before", "2001-01-01T00:00:00Z", "--target-database", "x"))
                .isEqualTo(CliException.REFUSED);
        assertThat(requests).hasSize(1);
    }

    private int run(String... args) {
        String[] all = java.util.Arrays.copyOf(args, args.length + 4);
        all[args.length] = "--backup-url";
        all[args.length + 1] = url;
        all[args.length + 2] = "--token";
        all[args.length + 3] = "t0ken";
        return Dr.run(all);
    }
}
