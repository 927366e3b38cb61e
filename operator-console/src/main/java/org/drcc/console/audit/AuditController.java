package org.drcc.console.audit;

import static org.drcc.console.api.ServiceApi.encode;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.drcc.console.api.ApiRefusal;
import org.drcc.console.api.Service;
import org.drcc.console.api.ServiceApi;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The trail as the auditor, the security officer and the DR lead may read it (the services decide who may). */
@Controller
class AuditController {

    private static final List<Service> TRAILS = List.of(Service.INCIDENT, Service.BACKUP, Service.NOTIFICATION);

    private final ServiceApi api;

    AuditController(ServiceApi api) {
        this.api = api;
    }

    @GetMapping("/audit")
    String page(@RequestParam(required = false) String incidentId, @RequestParam(required = false) String actor,
                @RequestParam(required = false) String type, @RequestParam(required = false) String from,
                @RequestParam(required = false) String to, @RequestParam(required = false) String zone, Model model) {
        StringBuilder query = new StringBuilder("/api/audit/events?size=100");
        param(query, "incidentId", incidentId);
        param(query, "actor", actor);
        param(query, "type", type);
        param(query, "from", instant(from, zone));
        param(query, "to", instant(to, zone));
        model.addAttribute("events", api.list(Service.INCIDENT, query.toString()));
        model.addAttribute("filter", Map.of("incidentId", text(incidentId), "actor", text(actor), "type", text(type),
                "from", text(from), "to", text(to)));
        return "audit";
    }

    /** Each service's chain recomputed (the kit's GET /api/audit/verify), one answer per service. */
    @PostMapping("/audit/verify")
    String verify(Model model) {
        Map<String, Object> reports = new LinkedHashMap<>();
        for (Service service : TRAILS) {
            try {
                reports.put(service.label(), api.get(service, "/api/audit/verify"));
            } catch (ApiRefusal refused) {
                reports.put(service.label(), Map.of("refused", refused.detail()));
            }
        }
        model.addAttribute("reports", reports);
        return "audit :: verified";
    }

    /** The signed evidence pack of a period, streamed through: never held whole in the console. */
    @GetMapping("/audit/evidence")
    void evidence(@RequestParam String from, @RequestParam String to, @RequestParam(required = false) String zone,
                  HttpServletResponse response) {
        api.download(Service.INCIDENT, "/api/audit/evidence?from=" + encode(instant(from, zone)) + "&to="
                + encode(instant(to, zone)), headers -> {
                    response.setContentType(String.valueOf(headers.getContentType()));
                    String disposition = headers.getFirst(HttpHeaders.CONTENT_DISPOSITION);
                    response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                            disposition != null ? disposition : "attachment; filename=evidence.zip");
                }, body -> {
                    try {
                        body.transferTo(response.getOutputStream());
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
    }

    private static String instant(String local, String zone) {
        if (!StringUtils.hasText(local)) {
            return null;
        }
        try {
            return LocalDateTime.parse(local).atZone(StringUtils.hasText(zone) ? ZoneId.of(zone) : ZoneId.of("UTC"))
                    .toInstant().toString();
        } catch (RuntimeException e) {
            throw new ApiRefusal(400, "Time not understood", "'" + local + "' is not a date and time such as 2026-11-30T09:00.");
        }
    }

    private static void param(StringBuilder query, String name, String value) {
        if (StringUtils.hasText(value)) {
            query.append('&').append(name).append('=').append(encode(value.strip()));
        }
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
