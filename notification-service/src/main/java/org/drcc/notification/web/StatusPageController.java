package org.drcc.notification.web;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.drcc.notification.status.StatusBoard;
import org.drcc.notification.status.StatusView;
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

    @GetMapping(value = "/status", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> html() {
        return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .body(page.execute(model(board.view())));
    }

    @GetMapping(value = {"/status.json", "/api/status"}, produces = MediaType.APPLICATION_JSON_VALUE)
    StatusView json() {
        return board.view();
    }

    @GetMapping(value = "/status/feed.atom")
    ResponseEntity<String> atom() {
        return ResponseEntity.ok().contentType(ATOM).body(feed.execute(model(board.view())));
    }

    private static Map<String, Object> model(StatusView view) {
        Map<String, Object> model = new HashMap<>();
        model.put("view", view);
        Instant updated = view.history().isEmpty() ? Instant.EPOCH : view.history().get(0).updated();
        model.put("feedUpdated", updated.toString());
        return model;
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
