package org.drcc.incident.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import org.drcc.incident.query.AuditEvent;
import org.drcc.incident.query.AuditFilter;
import org.drcc.incident.query.AuditLogProjection;
import org.drcc.incident.query.Page;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The audit trail across incidents: by incident, actor, event type and time range; paged or exported. */
@Tag(name = "audit trail", description = "The audit trail: every stored event with its actor, searchable and exportable")
@RestController
@RequestMapping("/api/audit/events")
class AuditController {

    private final AuditLogProjection audit;
    private final ObjectMapper json;

    AuditController(AuditLogProjection audit, ObjectMapper json) {
        this.audit = audit;
        this.json = json;
    }

    @Operation(summary = "Search the audit trail, newest first", description = "Filters combine (incident, actor, event type, time range); a page of at most 500.")
    @GetMapping
    Page<AuditEvent> find(@RequestParam(required = false) String incidentId, @RequestParam(required = false) String actor,
            @RequestParam(required = false) String type,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        return audit.find(new AuditFilter(incidentId, actor, type, from, to), page, size);
    }

    /** The same filters, every match as JSON lines ({@code application/x-ndjson}), oldest first. */
    @Operation(summary = "Export the audit trail as NDJSON, one event per line", description = "Streams every matching event; rate-limited.")
    @GetMapping(value = "/export", produces = "application/x-ndjson")
    void export(@RequestParam(required = false) String incidentId, @RequestParam(required = false) String actor,
            @RequestParam(required = false) String type,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
            HttpServletResponse response) throws IOException {
        response.setContentType("application/x-ndjson");
        response.setHeader("Content-Disposition", "attachment; filename=\"audit-events.jsonl\"");
        OutputStream out = response.getOutputStream();
        audit.export(new AuditFilter(incidentId, actor, type, from, to), event -> {
            try {
                out.write(json.writeValueAsBytes(event));
                out.write('\n');
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        out.flush();
    }
}
