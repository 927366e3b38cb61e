package org.drcc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code dr backup catalog rebuild --from <tier>} against a stand-in backup-service (no suite running). */
class BackupCatalogCommandTest {

    private static final String REPORT = """
            {"from":"tertiary","bucket":"dr-backups-tertiary","found":3,
             "imported":[{"backupId":"b-1","database":"foodtruck","snapshotAt":"2026-11-25T10:00:00Z",
                          "objectKey":"foodtruck/b-1.dump","verification":"VERIFIED"}],
             "skippedAsKnown":[{"backupId":"b-2","catalogObject":"foodtruck/b-2.dump.catalog.json"}],
             "notImported":[{"catalogObject":"foodtruck/b-3.dump.catalog.json","backupId":"b-3",
                             "reason":"the dump s3://dr-backups-tertiary/foodtruck/b-3.dump reads with SHA-256 ff and 10 bytes; the catalogue recorded aa and 10 bytes"}]}""";

    private final List<String> bodies = new CopyOnWriteArrayList<>();
    private HttpServer backupService;
    private String url;
    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private PrintStream stdout;

    @BeforeEach
    void start() throws IOException {
        backupService = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        backupService.createContext("/api/catalog/rebuild", exchange -> {
            bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            byte[] out = REPORT.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, out.length);
            exchange.getResponseBody().write(out);
            exchange.close();
        });
        backupService.start();
        url = "http://127.0.0.1:" + backupService.getAddress().getPort();
        stdout = System.out;
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void stop() {
        System.setOut(stdout);
        backupService.stop(0);
    }

    @Test
    void rebuildPostsTheTierAndPrintsWhatWasImportedSkippedAndWhyTheRestWasNot() {
        int exit = Dr.run("backup", "catalog", "rebuild", "--from", "tertiary", "--backup-url", url, "--token", "t0ken");

        assertThat(bodies).containsExactly("{\"from\":\"tertiary\"}");
        String out = printed.toString(StandardCharsets.UTF_8);
        assertThat(out).contains("Rebuilt from the tertiary tier (dr-backups-tertiary): 3 catalogue objects: 1 imported, "
                + "1 skipped as known, 1 not imported");
        assertThat(out).contains("b-1", "VERIFIED");
        assertThat(out).as("the reason in full").contains("foodtruck/b-3.dump.catalog.json: the dump "
                + "s3://dr-backups-tertiary/foodtruck/b-3.dump reads with SHA-256 ff and 10 bytes; the catalogue recorded "
                + "aa and 10 bytes");
        assertThat(exit).as("something did not check out").isEqualTo(1);
    }

    @Test
    void theTierIsRequired() {
        assertThat(Dr.run("backup", "catalog", "rebuild", "--backup-url", url)).isEqualTo(2);
        assertThat(bodies).isEmpty();
    }
}
