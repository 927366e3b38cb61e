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

/** {@code dr plan check} and {@code dr incident checklist --mine}, against a stand-in incident-service. */
class PlanCommandTest {

    private static final String CHECK = """
            {"consistent": false, "contradictions": [{"rule": "estimate-after-rto", "subject": "ransomware-attack",
             "message": "the estimated recovery of 4-8 hours may take up to 8 h, longer than the RTO of 4 h"}]}""";
    private static final String CHECKLIST = """
            {"incidentId": "i-1", "person": "bob", "roles": ["DATABASE_ADMINISTRATOR"], "phase": "RECOVERY", "items": [
             {"mine": true, "id": "restore-database", "phase": "RECOVERY", "owner": "DATABASE_ADMINISTRATOR",
              "mandatory": false, "state": "OPEN", "text": "Restore database"}]}""";

    private final List<String> requests = new CopyOnWriteArrayList<>();
    private HttpServer incidentService;
    private String url;

    @BeforeEach
    void start() throws IOException {
        incidentService = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        incidentService.createContext("/", exchange -> {
            requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI());
            byte[] out = (exchange.getRequestURI().getPath().endsWith("/check") ? CHECK : CHECKLIST)
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, out.length);
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
    void planCheckNamesEachContradiction() {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        assertThat(runPrinting(printed, "plan", "check")).isZero();
        assertThat(requests).containsExactly("GET /api/plan/check");
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("estimate-after-rto", "ransomware-attack",
                "up to 8 h, longer than the RTO of 4 h");
    }

    @Test
    void checklistMineAsksForTheCallersOwnItems() {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        assertThat(runPrinting(printed, "incident", "checklist", "i-1", "--mine")).isZero();
        assertThat(requests).containsExactly("GET /api/incidents/i-1/checklist?mine=true");
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("your roles: [\"DATABASE_ADMINISTRATOR\"]")
                .contains("restore-database");
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
