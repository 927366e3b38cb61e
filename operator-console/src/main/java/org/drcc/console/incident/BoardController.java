package org.drcc.console.incident;

import static org.drcc.console.api.ServiceApi.encode;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.drcc.console.api.ApiRefusal;
import org.drcc.console.api.Service;
import org.drcc.console.api.ServiceApi;
import org.drcc.contract.incident.IncidentStatus;
import org.drcc.contract.incident.Severity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The incident board: the open incidents, most severe first and then by phase, each with its RTO clock, its
 * phase's window and its communication deadlines; and the declaration of a new one. The rows are re-read when
 * any incident or notification event arrives (the page listens on {@code /live/board}).
 */
@Controller
class BoardController {

    private static final List<String> CLOSED = List.of(IncidentStatus.CLOSED.name(), IncidentStatus.CANCELLED.name());

    /** The incident list's largest page. */
    private static final int PAGE = 200;

    private final ServiceApi api;
    private final BoardViews views;

    BoardController(ServiceApi api, BoardViews views) {
        this.api = api;
        this.views = views;
    }

    @GetMapping("/")
    String board(Model model) {
        rows(model);
        model.addAttribute("scenarios", api.list(Service.INCIDENT, "/api/scenarios"));
        return "board";
    }

    @GetMapping("/board/rows")
    String rows(Model model) {
        Instant now = Instant.now();
        Map<Object, Object> open = openIncidents();
        Map<Object, Deadlines> deadlines = Deadlines.of(api, open.keySet());
        List<BoardRow> rows = open.entrySet().stream()
                .map(incident -> views.of(incident.getKey(), incident.getValue(),
                        id -> api.get(Service.INCIDENT, "/api/incidents/" + encode(String.valueOf(id)))))
                // closed between the list and the read
                .filter(view -> !CLOSED.contains(String.valueOf(view.get("status"))))
                .map(view -> BoardRow.of(view, deadlines == null ? null : deadlines.get(view.get("id")), now))
                .sorted(Comparator.comparing((BoardRow r) -> Severity.valueOf(r.severity()).ordinal())
                        .thenComparing(r -> IncidentStatus.valueOf(r.status()).ordinal()))
                .toList();
        model.addAttribute("rows", rows);
        model.addAttribute("now", now);
        return "board :: rows";
    }

    /**
     * Every open incident with the version the list shows, page after page (a regional disaster opens more than one
     * page holds). A declaration while the pages are read pushes the list down and repeats an incident, kept once; a
     * closure pulls it up and can hide one row until the next refresh, which the closure's own event brings.
     */
    private Map<Object, Object> openIncidents() {
        Map<Object, Object> versions = new LinkedHashMap<>();
        for (int page = 0; ; page++) {
            List<Map<String, Object>> items = api.list(Service.INCIDENT,
                    "/api/incidents?open=true&size=" + PAGE + "&page=" + page);
            items.forEach(i -> versions.putIfAbsent(i.get("id"), i.get("version")));
            if (items.size() < PAGE) {
                return versions;
            }
        }
    }

    /** Declares with the caller's token; the damage start is typed in the reader's zone, sent as an instant. */
    @PostMapping("/incidents")
    String declare(@RequestParam String scenario, @RequestParam String title,
                   @RequestParam(required = false) String description,
                   @RequestParam(required = false) String suspectedStart,
                   @RequestParam(required = false) String zone,
                   @RequestParam(defaultValue = "false") boolean drill, HttpServletResponse response) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("scenario", scenario);
        body.put("title", title);
        body.put("drill", drill);
        if (StringUtils.hasText(description)) {
            body.put("description", description);
        }
        if (StringUtils.hasText(suspectedStart)) {
            body.put("suspectedDamageStart", at(suspectedStart, zone).toString());
        }
        Map<String, Object> declared = api.post(Service.INCIDENT, "/api/incidents", body);
        // the form is sent by htmx, which follows HX-Redirect to the new incident's room
        response.setHeader("HX-Redirect", "/incidents/" + declared.get("id"));
        return "fragments :: nothing";
    }

    private static Instant at(String local, String zone) {
        try {
            ZoneId id = StringUtils.hasText(zone) ? ZoneId.of(zone) : ZoneId.of("UTC");
            return LocalDateTime.parse(local).atZone(id).toInstant();
        } catch (RuntimeException e) {
            throw new ApiRefusal(400, "Suspected start not understood",
                    "The suspected start of the damage must be a date and time, such as 2026-11-30T09:00.");
        }
    }
}
