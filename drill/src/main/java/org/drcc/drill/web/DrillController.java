package org.drcc.drill.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.security.Principal;
import java.util.List;
import org.drcc.drill.job.DrillReports;
import org.drcc.drill.job.DrillRunner;
import org.drcc.drill.job.ScheduledTest;
import org.drcc.drill.job.TestSchedule;
import org.drcc.drill.query.DrillNotFoundException;
import org.drcc.drill.query.DrillSummary;
import org.drcc.drill.query.DrillView;
import org.drcc.drill.query.Drills;
import org.drcc.kit.idempotency.Fingerprint;
import org.drcc.kit.idempotency.IdempotencyKeys;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** DR drills: run one now (202), list them, show one with its steps, its Markdown report, the test schedule. */
@Tag(name = "drills", description = "The plan's DR drills on scratch copies, their results and the test schedule")
@RestController
@Validated
@RequestMapping("/api/drills")
class DrillController {

    private final Drills drills;
    private final DrillRunner runner;
    private final DrillReports reports;
    private final TestSchedule schedule;
    private final IdempotencyKeys idempotency;

    DrillController(Drills drills, DrillRunner runner, DrillReports reports, TestSchedule schedule,
                    IdempotencyKeys idempotency) {
        this.idempotency = idempotency;
        this.drills = drills;
        this.runner = runner;
        this.reports = reports;
        this.schedule = schedule;
    }

    @Operation(summary = "Run a drill of a scenario on a scratch copy of the protected database (the application drills: "
            + "on the running application); follow it at Location")
    @ApiResponse(responseCode = "202", description = "Accepted: the drill runs; Location is the drill, to read until its status is PASSED or FAILED",
            content = @Content(schema = @Schema(implementation = DrillView.class)))
    @PostMapping
    ResponseEntity<?> run(@Valid @RequestBody DrillRequest request, Principal caller,
                          @RequestHeader(value = "Idempotency-Key", required = false) String idempotencyKey) throws Exception {
        // sent again with its key (the answer lost on the way), the first drill's answer, and no second drill
        return idempotency.startOnce(caller.getName(), idempotencyKey, Fingerprint.of("drill", request), () -> {
            String id = runner.start(request.scenario(), "manual", caller.getName());
            return ResponseEntity.accepted().location(URI.create("/api/drills/" + id)).body(drills.view(id));
        });
    }

    @Operation(summary = "Drills, newest first")
    @GetMapping
    List<DrillSummary> list(@RequestParam(required = false) String scenario,
                            @RequestParam(required = false) String status,
                            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int limit) {
        return drills.list(scenario, status, limit);
    }

    @Operation(summary = "The plan's test schedule: backup verification and drills, with their next runs")
    @GetMapping("/schedule")
    List<ScheduledTest> schedule() {
        return schedule.all();
    }

    @Operation(summary = "One drill with its steps, RTO and RPO against the targets")
    @GetMapping("/{id}")
    DrillView one(@PathVariable String id) {
        return drills.view(id);
    }

    @Operation(summary = "The drill's Markdown report, as stored in S3")
    @GetMapping(value = "/{id}/report", produces = "text/markdown")
    ResponseEntity<String> report(@PathVariable String id) {
        DrillSummary drill = drills.summary(id).orElseThrow(() -> new DrillNotFoundException(id));
        return reports.read(drill)
                .map(md -> ResponseEntity.ok().contentType(MediaType.parseMediaType("text/markdown;charset=UTF-8")).body(md))
                .orElseThrow(() -> new ReportNotReadyException(id, drill.status()));
    }
}
