package org.drcc.metrics.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.time.Clock;
import java.util.List;
import org.drcc.metrics.figures.IncidentFact;
import org.drcc.metrics.figures.IncidentRecovery;
import org.drcc.metrics.query.IncidentCounts;
import org.drcc.metrics.query.IncidentFacts;
import org.drcc.metrics.query.MetricsQueries;
import org.drcc.metrics.figures.Period;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

@Tag(name = "metrics", description = "The plan's DR metrics: per incident, over a range, and counts")
@RestController
@RequestMapping("/api/metrics")
class MetricsController {

    private final IncidentFacts facts;
    private final MetricsQueries queries;
    private final Clock clock;

    MetricsController(IncidentFacts facts, MetricsQueries queries, Clock clock) {
        this.facts = facts;
        this.queries = queries;
        this.clock = clock;
    }

    @Operation(summary = "The plan's DR metrics for the incidents declared in [from, to)",
            description = "MTTR, MTBF, RTO and RPO achievement; DR test success of the drills finished in the period "
                    + "(passed / finished, from the drills' own outcomes); backup success and verification rates of "
                    + "the backups started in the period, newest good backup per database now; notification deadlines "
                    + "met per tier for the notifications due in the period. A figure without data is null.")
    @ApiResponse(responseCode = "200", description = "The figures; null where there is no data")
    @ApiResponse(responseCode = "400", description = "from or to unreadable, or to not after from; names the parameter",
            content = @Content(mediaType = "application/problem+json"))
    @GetMapping
    MetricsResponse figures(
            @Parameter(description = "Start, included: an ISO-8601 instant or a date (UTC); default: to − 30 days")
            @RequestParam(required = false) String from,
            @Parameter(description = "End, excluded: an ISO-8601 instant or a date (UTC); default: now")
            @RequestParam(required = false) String to) {
        Period period = PeriodParameters.parse(from, to, clock.instant());
        return new MetricsResponse(queries.figures(period), queries.backups(period),
                queries.notificationDeadlinesMet(period));
    }

    @Operation(summary = "One incident's time to recover, data loss, and RTO and RPO verdicts")
    @ApiResponse(responseCode = "200", description = "The incident's detail")
    @ApiResponse(responseCode = "404", description = "No event of this incident was seen",
            content = @Content(mediaType = "application/problem+json"))
    @GetMapping("/incidents/{id}")
    IncidentRecovery incident(@PathVariable String id) {
        return queries.recovery(id)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no incident " + id));
    }

    @Operation(summary = "The facts of every incident, newest first")
    @GetMapping("/incidents")
    List<IncidentFact> incidents() {
        return facts.all();
    }

    @Operation(summary = "Real incidents, drills and open real incidents, all time")
    @GetMapping("/counts")
    IncidentCounts counts() {
        return facts.counts();
    }
}
