package org.drcc.notification.template;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.drcc.notification.channel.DeliverySettings;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;

/**
 * Mustache templates operators can edit, one per message kind, in {@code dr.notification.templates}:
 * {@code <kind>.subject.mustache}, {@code <kind>.mustache}, and optionally {@code <kind>.<channel>.mustache}
 * where a channel needs another shape (a short chat line, a long e-mail). Missing values render empty
 * rather than failing, so an edited template can never stop a message from going out.
 */
@Component
public class MessageTemplates {

    private final Mustache.Compiler compiler = Mustache.compiler().escapeHTML(false).defaultValue("").emptyStringIsFalse(true);
    private final ResourceLoader resources;
    private final String location;
    private final Map<String, Template> compiled = new ConcurrentHashMap<>();
    private final Map<String, String> bodies = new ConcurrentHashMap<>();

    /** Every kind the service sends; each needs a subject and a body template. */
    public static final List<String> KINDS = List.of("incident-declaration", "status-update", "recovery-completion",
            "post-incident-summary", "escalation", "rpo-at-risk", "rpo-recovered", "backup-verification-failed",
            "retention-halted", "backup-copy-abandoned", "review-due", "phase-window-breached",
            "extended-outage");

    /**
     * Compiles every kind's templates at start-up: a missing or broken template stops the start with
     * its name, instead of holding up the incident events behind it later. Templates are read once;
     * a restart applies edits.
     */
    MessageTemplates(ResourceLoader resources, DeliverySettings settings) {
        this.resources = resources;
        this.location = settings.templates().endsWith("/") ? settings.templates() : settings.templates() + "/";
        for (String kind : KINDS) {
            template(kind + ".subject");
            template(kind);
        }
    }

    public Rendered render(String kind, String channel, Map<String, Object> values) {
        String subject = template(kind + ".subject").execute(values).strip();
        String body = template(bodyOf(kind, channel)).execute(values).strip();
        return new Rendered(subject, body);
    }

    /**
     * The body template's name for a kind on a channel: its own where there is one, the kind's otherwise. Looked up
     * once per pair (like the templates themselves, read once: a restart applies edits). The lookup searches the class
     * path or the folder; for every message it was about 4 % of the scheduling thread's samples (JFR, the end-to-end
     * benchmark, {@code docs/benchmarks.md}).
     */
    private String bodyOf(String kind, String channel) {
        return bodies.computeIfAbsent(kind + "." + channel,
                perChannel -> resources.getResource(location + perChannel + ".mustache").exists() ? perChannel : kind);
    }

    private Template template(String name) {
        return compiled.computeIfAbsent(name, n -> {
            Resource resource = resources.getResource(location + n + ".mustache");
            try (Reader reader = new InputStreamReader(resource.getInputStream(), StandardCharsets.UTF_8)) {
                return compiler.compile(reader);
            } catch (IOException e) {
                throw new UncheckedIOException("no template " + location + n + ".mustache", e);
            } catch (RuntimeException e) {
                throw new IllegalStateException("template " + location + n + ".mustache: " + e.getMessage(), e);
            }
        });
    }
}
