package org.drcc.drill.web;

import static org.drcc.kit.problem.Problems.problem;

import java.util.List;
import java.util.Map;
import org.drcc.drill.job.UnknownScenarioException;
import org.drcc.drill.query.DrillNotFoundException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The drills' refusals as problem+json; nothing was started or changed. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class DrillProblems {

    @ExceptionHandler(UnknownScenarioException.class)
    ProblemDetail unknownScenario(UnknownScenarioException e) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Unknown scenario", e.getMessage());
        problem.setProperty("knownScenarios", e.known());
        problem.setProperty("errors", List.of(Map.of("field", "scenario", "message", e.getMessage())));
        return problem;
    }

    @ExceptionHandler(DrillNotFoundException.class)
    ProblemDetail notFound(DrillNotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "No such drill", e.getMessage());
    }

    @ExceptionHandler(ReportNotReadyException.class)
    ProblemDetail notReady(ReportNotReadyException e) {
        return problem(HttpStatus.NOT_FOUND, "No report yet", e.getMessage());
    }
}
