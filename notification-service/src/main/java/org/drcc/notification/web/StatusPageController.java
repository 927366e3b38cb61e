package org.drcc.notification.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import com.samskivert.mustache.Escapers;
import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.drcc.notification.status.StatusBoard;
import org.drcc.notification.status.StatusView;
import org.drcc.notification.status.UptimeBar;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The public status page for the users of the Food Truck Management System, as HTML, JSON and an
 * Atom feed. It needs no authentication and shows only what the read model holds: neutral public titles,
 * affected components, public status words, the updates people published, and times. Both templates escape every value (HTML and XML).
 */
@Tag(name = "status page", description = "The public status page for the food-truck users: no token")
@RestController
class StatusPageController {

    static final MediaType ATOM = MediaType.parseMediaType("application/atom+xml;charset=UTF-8");

    private final StatusBoard board;
    private final Template page;
    private final Template feed;

    StatusPageController(StatusBoard board) {
        this.board = board;
        Mustache.Compiler compiler = Mustache.compiler().escapeHTML(true).defaultValue("");
        this.page = compile(compiler, "templates/status/page.html.mustache");
        this.feed = compile(compiler, "templates/status/feed.atom.mustache");
    }

    @Operation(summary = "The status page (HTML)")
    @GetMapping(value = "/status", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> html() {
        return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .body(page.execute(model(board.view())));
    }

    @Operation(summary = "The status page as JSON")
    @GetMapping(value = {"/status.json", "/api/status"}, produces = MediaType.APPLICATION_JSON_VALUE)
    StatusView json() {
        return board.view();
    }

    @Operation(summary = "The status updates as an Atom feed")
    @GetMapping(value = "/status/feed.atom")
    ResponseEntity<String> atom() {
        return ResponseEntity.ok().contentType(ATOM).body(feed.execute(model(board.view())));
    }

    private static Map<String, Object> model(StatusView view) {
        Map<String, Object> model = new HashMap<>();
        model.put("view", new PageView(view));
        model.put("time", TIME);
        Instant updated = view.history().isEmpty() ? Instant.EPOCH : view.history().get(0).updated();
        model.put("feedUpdated", updated.toString());
        return model;
    }

    private static final DateTimeFormatter HUMAN = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    /**
     * {@code {{#time}}<instant>{{/time}}}: a {@code <time>} a person reads (to the minute, UTC; the page's script
     * shows it in the reader's zone), never the raw instant with its fractions.
     */
    private static final Mustache.Lambda TIME = (fragment, out) -> {
        String text = fragment.execute().strip();
        try {
            Instant at = Instant.parse(text);
            out.write("<time datetime=\"" + at.truncatedTo(ChronoUnit.SECONDS) + "\">" + HUMAN.format(at) + "</time>");
        } catch (DateTimeParseException notAnInstant) {
            out.write(Escapers.HTML.escape(text));
        }
    };

    /** The view as the HTML page draws it: each component's uptime bar as 90 rectangles with their labels. */
    record PageView(String title, String generatedAt, boolean allOperational, List<StatusView.IncidentView> incidents,
                    List<StatusView.IncidentView> pastIncidents, List<Map<String, Object>> uptime,
                    List<StatusView.FeedEntry> history) {

        PageView(StatusView view) {
            this(view.title(), view.generatedAt().toString(), view.allOperational(), view.incidents(),
                    view.pastIncidents(), view.uptime().stream().map(bar -> uptime(bar, view)).toList(), view.history());
        }

        private static Map<String, Object> uptime(UptimeBar bar, StatusView view) {
            List<Map<String, Object>> days = new ArrayList<>();
            for (int i = 0; i < bar.days().size(); i++) {
                UptimeBar.Day day = bar.days().get(i);
                days.add(Map.of("x", i * 10, "state", day.state(), "date", day.date().toString(),
                        "label", day.downMinutes() == 0 ? "no outage" : day.downMinutes() + " min of outage"));
            }
            boolean affected = view.components().stream()
                    .anyMatch(c -> c.name().equals(bar.component()) && c.affected());
            return Map.of("component", bar.component(), "affected", affected,
                    "uptimePercent", String.format(java.util.Locale.ROOT, "%.2f", bar.uptimePercent()), "bars", days);
        }
    }

    private static Template compile(Mustache.Compiler compiler, String path) {
        try (Reader reader = new InputStreamReader(new ClassPathResource(path).getInputStream(),
                StandardCharsets.UTF_8)) {
            return compiler.compile(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("status page template " + path + " is missing", e);
        }
    }
}
