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

/**
 * {@code dr incident report} and {@code dr incident restore --restore-id}, against a stand-in incident-service that
 * records what the CLI asks for (no suite running).
 */
class IncidentReportCommandTest {

    private final List<String> requests = new CopyOnWriteArrayList<>();
    private HttpServer incidentService;
    private String url;

    @BeforeEach
    void start() throws IOException {
        incidentService = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        incidentService.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " " + body);
            boolean open = exchange.getRequestURI().getPath().contains("/i-open/");
            boolean restore = exchange.getRequestURI().getPath().endsWith("/restore");
            byte[] out = (open ? "{\"status\":409,\"detail\":\"incident i-open is RESTORED: its post-incident report is "
                    + "generated when it is closed\"}" : restore ? "{\"id\":\"i-1\",\"status\":\"RESTORED\"}"
                    : "# Post-incident report: Orders table corrupted\n").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", open ? "application/problem+json"
                    : restore ? "application/json" : "text/markdown; charset=utf-8");
            exchange.sendResponseHeaders(open ? 409 : 200, out.length);
            exchange.getResponseBody().write(out);
            exchange.close();
        });
        incidentService.start();
        url = "http://127.0.0.1:" + incidentService.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        incidentService.stop(0);
    }

    @Test
    void reportPrintsTheStoredMarkdown() {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        assertThat(runPrinting(printed, "incident", "report", "i-1")).isZero();
        assertThat(requests).singleElement().asString().startsWith("GET /api/incidents/i-1/report?format=markdown");
        assertThat(printed.toString(StandardCharsets.UTF_8)).startsWith("# Post-incident report: Orders table corrupted");
    }

    @Test
    void reportAsksForTheHtmlWithHtml() {
        assertThat(runPrinting(new ByteArrayOutputStream(), "incident", "report", "i-1", "--html")).isZero();
        assertThat(requests).singleElement().asString().startsWith("GET /api/incidents/i-1/report?format=html");
    }

    @Test
    void theReportOfAnOpenIncidentIsRefusedWithTheServicesReason() {
        assertThat(runPrinting(new ByteArrayOutputStream(), "incident", "report", "i-open")).isEqualTo(1);
    }

    @Test
    void restoreWithARestoreIdSendsOnlyTheRestore() {
        assertThat(runPrinting(new ByteArrayOutputStream(), "incident", "restore", "i-1", "--restore-id", "r-7")).isZero();
        assertThat(requests).singleElement().asString().isEqualTo("POST /api/incidents/i-1/restore {\"restoreId\":\"r-7\"}");
    }

    private int runPrinting(ByteArrayOutputStream printed, String... args) {
        PrintStream console = System.out;
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            String[] all = java.util.Arrays.copyOf(args, args.length + 4);
            all[args.length] = "--incident-url";
            all[args.length + 1] = url;
            all[args.length + 2] = "--token";
            all[args.length + 3] = "t0ken";
            return Dr.run(all);
        } finally {
            System.setOut(console);
        }
    }
}
