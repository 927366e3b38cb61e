package org.drcc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code --wait} follows a backup, a verification or a restore until it ends and exits with its result, against a
 * stand-in backup-service whose job ends after a few reads (no suite running; the suite's own is in IntegratorIT).
 */
class BackupWaitCommandTest {

    private final AtomicInteger reads = new AtomicInteger();
    private volatile String outcome = "COMPLETED";
    private HttpServer backupService;
    private String url;

    @BeforeEach
    void start() throws IOException {
        backupService = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        backupService.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            boolean done = reads.get() >= 3;
            String body;
            if (exchange.getRequestMethod().equals("POST") && path.endsWith("/restore")) {
                body = "{\"restoreId\":\"r-1\",\"backupId\":\"b-7\",\"targetDatabase\":\"foodtruck_copy\"}";
            } else if (exchange.getRequestMethod().equals("POST") && path.endsWith("/verify")) {
                body = "{\"backupId\":\"b-7\",\"verification\":\"VERIFIED\",\"verifiedAt\":\"2026-11-01T00:00:00Z\"}";
            } else if (exchange.getRequestMethod().equals("POST")) {
                body = "{\"backupId\":\"b-7\",\"database\":\"foodtruck\",\"status\":\"RUNNING\"}";
            } else {
                reads.incrementAndGet();
                body = "{\"backupId\":\"b-7\",\"database\":\"foodtruck\",\"status\":\"" + (done ? outcome : "RUNNING")
                        + "\",\"sizeBytes\":" + (done ? "5242880" : "null") + ",\"failure\":\"pg_dump exited 1\""
                        + ",\"verification\":\"" + (done ? "FAILED" : "VERIFIED") + "\",\"verificationCheck\":\"row counts\""
                        + ",\"verificationDetail\":\"customer: 10 rows, manifest 11\",\"verifiedAt\":\""
                        + (done ? "2026-11-30T10:00:00Z" : "2026-11-01T00:00:00Z") + "\""
                        + ",\"restores\":[{\"restoreId\":\"r-1\",\"status\":\"" + (done ? "RESTORED" : "RUNNING") + "\"}]}";
            }
            byte[] out = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(exchange.getRequestMethod().equals("POST") ? 202 : 200, out.length);
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
    void nowWaitFollowsTheBackupToItsEndWithItsSize() {
        String printed = captured(() -> assertThat(run("backup", "now", "--wait")).isZero());
        assertThat(printed).contains("backupId").contains("b-7").contains("RUNNING").contains("COMPLETED")
                .contains("5.0 MB").containsPattern("\\[00:0\\d\\] COMPLETED");
        assertThat(reads.get()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void aFailedBackupExits6WithItsReason() {
        outcome = "FAILED";
        String printed = captured(() -> assertThat(run("backup", "now", "--wait")).isEqualTo(6));
        assertThat(printed).contains("FAILED");
    }

    @Test
    void verifyWaitEndsWithTheNewVerificationNotTheOldOne() {
        String printed = captured(() -> assertThat(run("backup", "verify", "b-7", "--wait")).isEqualTo(6));
        assertThat(printed).contains("VERIFYING").contains("FAILED");
        assertThat(reads.get()).as("the old VERIFIED did not end the wait").isGreaterThanOrEqualTo(3);
    }

    @Test
    void restoreWaitFollowsTheRestoreInItsBackup() {
        String printed = captured(() -> assertThat(run("backup", "restore", "b-7", "--target-database", "foodtruck_copy",
                "--wait")).isZero());
        assertThat(printed).contains("restore r-1 of backup b-7 into foodtruck_copy").contains("RESTORED");
    }

    @Test
    void withoutWaitItReturnsAtTheAcceptance() {
        assertThat(run("backup", "now")).isZero();
        assertThat(reads.get()).isZero();
    }

    private int run(String... args) {
        String[] all = java.util.Arrays.copyOf(args, args.length + 4);
        all[args.length] = "--backup-url";
        all[args.length + 1] = url;
        all[args.length + 2] = "--token";
        all[args.length + 3] = "t0ken";
        return Dr.run(all);
    }

    private static String captured(Runnable command) {
        PrintStream original = System.out;
        PrintStream originalErr = System.err;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream capture = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        System.setOut(capture);
        System.setErr(capture);
        try {
            command.run();
        } finally {
            System.setOut(original);
            System.setErr(originalErr);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
