package org.drcc.metrics.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import org.drcc.metrics.figures.SlaFigures;
import org.drcc.metrics.query.MetricsQueries;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

@Tag(name = "metrics", description = "The plan's DR metrics: per incident, over a range, and counts")
@RestController
class SlaController {

    private final MetricsQueries queries;
    private final Clock clock;

    SlaController(MetricsQueries queries, Clock clock) {
        this.queries = queries;
        this.clock = clock;
    }

    @Operation(summary = "The SLA over [from, to) and the error budget left for the year",
            description = "Availability from the real incidents' outages (outage start to restore, to now while open), "
                    + "planned maintenance windows left out of the time and the downtime, against the plan's target "
                    + "(99.999 %); the calendar year's error budget, what is spent and left, and burn rates.")
    @ApiResponse(responseCode = "200", description = "The SLA; availability and met are null when nothing was measured")
    @ApiResponse(responseCode = "400", description = "from or to unreadable, or to not after from; names the parameter",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "503", description = "The plan's SLA has not arrived from incident-service yet",
            content = @Content(mediaType = "application/problem+json"))
    @GetMapping("/api/metrics/sla")
    SlaFigures sla(
            @Parameter(description = "Start, included: an ISO-8601 instant or a date (UTC); default: 1 January of to's year")
            @RequestParam(required = false) String from,
            @Parameter(description = "End, excluded: an ISO-8601 instant or a date (UTC); default: now")
            @RequestParam(required = false) String to) {
        return queries.sla(PeriodParameters.yearToDate(from, to, clock.instant())).orElseThrow(() ->
                new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE, "the plan's SLA is not known yet: "
                        + "incident-service states it (dr.plan.sla-stated.v1 on dr.plan.events) when it starts"));
    }
}
