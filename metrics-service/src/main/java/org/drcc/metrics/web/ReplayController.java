package org.drcc.metrics.web;

import io.swagger.v3.oas.annotations.tags.Tag;
import static org.drcc.kit.problem.Problems.problem;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.drcc.metrics.kafka.FactsReplay;
import org.drcc.metrics.kafka.ReplayResult;
import org.drcc.metrics.kafka.ReplayRunningException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "metrics")
@RestController
class ReplayController {

    private final FactsReplay replay;

    ReplayController(FactsReplay replay) {
        this.replay = replay;
    }

    @Operation(summary = "Rebuild the incident facts from the beginning of the topics",
            description = "Empties the facts and the inbox, then re-reads every event. Returns when done.")
    @ApiResponse(responseCode = "200", description = "Rebuilt; what was read")
    @ApiResponse(responseCode = "409", description = "A replay is already running in this instance",
            content = @Content(mediaType = "application/problem+json"))
    @PostMapping("/api/metrics/replay")
    ReplayResult replay() {
        return replay.replay();
    }

    @ExceptionHandler
    ProblemDetail running(ReplayRunningException e) {
        return problem(HttpStatus.CONFLICT, "Replay running", e.getMessage());
    }
}
