package org.drcc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code dr audit evidence} streams the pack to disk as it arrives: a stand-in incident-service sends the first
 * half, and sends the rest only once that half is in the CLI's file; a CLI that held the answer in memory would
 * write nothing before the end, and the stand-in would give up.
 */
class DownloadStreamTest {

    private static final int HALF = 4 * 1024 * 1024;

    @TempDir
    Path dir;

    private HttpServer incidentService;
    private volatile boolean sawHalfOnDisk;

    @BeforeEach
    void start() throws IOException {
        incidentService = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        incidentService.createContext("/api/audit/evidence", exchange -> {
            if (exchange.getRequestURI().getQuery().contains("from=2001")) {
                byte[] refusal = "{\"status\":400,\"detail\":\"to must be after from\"}".getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/problem+json");
                exchange.sendResponseHeaders(400, refusal.length);
                exchange.getResponseBody().write(refusal);
                exchange.close();
                return;
            }
            exchange.getResponseHeaders().add("Content-Type", "application/zip");
            exchange.sendResponseHeaders(200, 2L * HALF);
            try (OutputStream out = exchange.getResponseBody()) {
                byte[] chunk = new byte[64 * 1024];
                Arrays.fill(chunk, (byte) 'z');
                for (int sent = 0; sent < HALF; sent += chunk.length) {
                    out.write(chunk);
                }
                out.flush();
                sawHalfOnDisk = awaitOnDisk(dir.resolve("pack.zip.part"), HALF, Duration.ofSeconds(20));
                for (int sent = 0; sent < HALF; sent += chunk.length) {
                    out.write(chunk);
                }
            }
        });
        incidentService.start();
    }

    @AfterEach
    void stop() {
        incidentService.stop(0);
    }

    @Test
    void thePackIsWrittenWhileItArrives() throws IOException {
        Path pack = dir.resolve("pack.zip");
        assertThat(run("--from", "2026-01-01T00:00:00Z", "--to", "2026-04-01T00:00:00Z", "-o", pack.toString())).isZero();
        assertThat(sawHalfOnDisk).as("the first half was on disk before the second was sent").isTrue();
        assertThat(Files.size(pack)).isEqualTo(2L * HALF);
        assertThat(dir.resolve("pack.zip.part")).doesNotExist();
    }

    @Test
    void aRefusalLeavesNoFile() {
        Path pack = dir.resolve("pack.zip");
        assertThat(run("--from", "2001-01-01T00:00:00Z", "--to", "2000-01-01T00:00:00Z", "-o", pack.toString()))
                .isEqualTo(1);
        assertThat(pack).doesNotExist();
        assertThat(dir.resolve("pack.zip.part")).doesNotExist();
    }

    private int run(String... args) {
        String[] all = new String[args.length + 6];
        all[0] = "audit";
        all[1] = "evidence";
        System.arraycopy(args, 0, all, 2, args.length);
        all[args.length + 2] = "--incident-url";
        all[args.length + 3] = "http://127.0.0.1:" + incidentService.getAddress().getPort();
        all[args.length + 4] = "--token";
        all[args.length + 5] = "t0ken";
        return Dr.run(all);
    }

    private static boolean awaitOnDisk(Path file, long bytes, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (System.nanoTime() < deadline) {
                if (Files.exists(file) && Files.size(file) >= bytes) {
                    return true;
                }
                Thread.sleep(20);
            }
        } catch (IOException | InterruptedException e) {
            return false;
        }
        return false;
    }
}
