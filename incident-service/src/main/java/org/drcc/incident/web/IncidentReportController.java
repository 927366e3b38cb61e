package org.drcc.incident.web;

import static org.drcc.kit.problem.Problems.problem;

import org.drcc.contract.incident.IncidentStatus;
import org.drcc.incident.query.IncidentHistory;
import org.drcc.incident.query.IncidentView;
import org.drcc.incident.report.IncidentReports;
import org.drcc.kit.rules.RuleRefusedException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/incidents/{id}/report}: the post-incident report stored when the incident was closed. */
@RestController
class IncidentReportController {

    private final IncidentHistory history;
    private final IncidentReports reports;

    IncidentReportController(IncidentHistory history, IncidentReports reports) {
        this.history = history;
        this.reports = reports;
    }

    /** {@code format}: {@code markdown} (the default) or {@code html}. */
    @GetMapping("/api/incidents/{id}/report")
    ResponseEntity<byte[]> report(@PathVariable String id, @RequestParam(defaultValue = "markdown") String format) {
        IncidentReports.Format chosen = switch (format) {
            case "markdown", "md" -> IncidentReports.Format.MARKDOWN;
            case "html" -> IncidentReports.Format.HTML;
            default -> throw new InvalidFieldException("format", "is '" + format + "'; use markdown or html");
        };
        IncidentView incident = history.current(id);
        if (incident.drill()) {
            throw new ErrorResponseException(HttpStatus.NOT_FOUND, problem(HttpStatus.NOT_FOUND, "No post-incident report",
                    "incident " + id + " is a drill: its report is the drill's (dr drill results)"), null);
        }
        if (incident.status() != IncidentStatus.CLOSED) {
            throw new RuleRefusedException("incident", "incident " + id + " is " + incident.status()
                    + ": its post-incident report is generated when it is closed");
        }
        byte[] body = reports.read(id, chosen).orElseThrow(() -> new ErrorResponseException(HttpStatus.NOT_FOUND,
                problem(HttpStatus.NOT_FOUND, "Report not stored yet", "incident " + id + " is closed but its report "
                        + "is not in S3 yet (it is written just after the close, and again once S3 answers): retry shortly"),
                null));
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(chosen.contentType())).body(body);
    }
}
