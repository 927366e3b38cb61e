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
 * {@code dr audit verify} against a stand-in service (no suite running) whose archive has two copies: the primary
 * intact, the off-site copy missing a segment. Every copy is checked unless one is named, and a broken one fails the
 * command with exit code 4, named; a copy whose store does not answer is named unchecked, and the others are checked.
 */
class AuditCommandTest {

    private static final String TRAIL = "{\"intact\":true,\"eventsChecked\":12,\"checkpointsChecked\":2,\"headHash\":\"ab12\"}";
    private static final String INTACT = "{\"intact\":true,\"segmentsChecked\":4,\"eventsChecked\":12,\"partitions\":2,"
            + "\"clusters\":[],\"notes\":[]}";
    private static final String BROKEN = "{\"intact\":false,\"segmentsChecked\":3,\"eventsChecked\":9,\"partitions\":2,"
            + "\"firstBreak\":{\"kind\":\"MISSING_SEGMENT\",\"object\":\"clusters/c1/segments/dr.incident.events/00000/\","
            + "\"detail\":\"offsets 9 to 11 are in no segment\"},\"clusters\":[],\"notes\":[]}";

    private final List<String> requests = new CopyOnWriteArrayList<>();
    /** The primary's S3 store does not answer (503 naming S3); the off-site copy is intact. */
    private volatile boolean primaryStoreGone;
    private HttpServer service;
    private String url;

    @BeforeEach
    void start() throws IOException {
        service = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        service.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            String query = String.valueOf(exchange.getRequestURI().getQuery());
            requests.add(path + (exchange.getRequestURI().getQuery() == null ? "" : "?" + query));
            String body = switch (path) {
                case "/api/audit/verify" -> TRAIL;
                case "/api/audit/archive/copies" -> "[{\"name\":\"primary\",\"bucket\":\"dr-audit-archive\",\"store\":\"main\"},"
                        + "{\"name\":\"offsite\",\"bucket\":\"dr-audit-archive-offsite\",\"store\":\"offsite\"}]";
                case "/api/audit/archive/verify" -> query.contains("copy=offsite") && !primaryStoreGone ? BROKEN : INTACT;
                default -> "{}";
            };
            int status = 200;
            if (path.equals("/api/audit/archive/verify") && query.contains("copy=primary") && primaryStoreGone) {
                status = 503;
                body = "{\"title\":\"S3 is unreachable\",\"status\":503,\"detail\":\"S3 did not answer, so GET "
                        + "/api/audit/archive/verify was not done.\",\"engine\":\"S3\"}";
            }
            byte[] out = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", status == 200 ? "application/json" : "application/problem+json");
            exchange.sendResponseHeaders(status, out.length);
            exchange.getResponseBody().write(out);
            exchange.close();
        });
        service.start();
        url = "http://127.0.0.1:" + service.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        service.stop(0);
    }

    @Test
    void everyCopyOfTheArchiveIsCheckedAndABrokenOffSiteCopyFailsTheCheck() {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        assertThat(run(printed, "audit", "verify")).isEqualTo(4);
        assertThat(requests).contains("/api/audit/archive/copies", "/api/audit/archive/verify?copy=primary",
                "/api/audit/archive/verify?copy=offsite");
        assertThat(printed.toString(StandardCharsets.UTF_8))
                .contains("archive (primary copy) intact: 4 segments, 12 events, 2 partitions")
                .contains("archive (offsite copy) BROKEN: MISSING_SEGMENT at clusters/c1/segments/dr.incident.events/00000/");
    }

    @Test
    void aNamedCopyIsTheOnlyOneChecked() {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        assertThat(run(printed, "audit", "verify", "--copy", "primary")).isZero();
        assertThat(requests).doesNotContain("/api/audit/archive/copies", "/api/audit/archive/verify?copy=offsite")
                .contains("/api/audit/archive/verify?copy=primary");
    }

    @Test
    void aCopyWhoseStoreIsGoneIsNamedUncheckedAndTheOffSiteCopyIsCheckedAllTheSame() {
        primaryStoreGone = true;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        assertThat(run(printed, "audit", "verify")).as("not proved, not broken").isEqualTo(CliException.REFUSED);
        assertThat(requests).contains("/api/audit/archive/verify?copy=primary", "/api/audit/archive/verify?copy=offsite");
        assertThat(printed.toString(StandardCharsets.UTF_8))
                .contains("archive (primary copy) NOT CHECKED: incident-service answered 503: S3 did not answer")
                .contains("archive (offsite copy) intact: 4 segments, 12 events, 2 partitions");
    }

    private int run(ByteArrayOutputStream printed, String... args) {
        PrintStream console = System.out;
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            String[] all = java.util.Arrays.copyOf(args, args.length + 8);
            String[] urls = {"--incident-url", url, "--backup-url", url, "--notification-url", url, "--token", "t0ken"};
            System.arraycopy(urls, 0, all, args.length, urls.length);
            return Dr.run(all);
        } finally {
            System.setOut(console);
        }
    }
}
