package org.drcc.metrics.web;

import static org.drcc.kit.problem.Problems.problem;

import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** A 400 that names the request parameter, in the shape the service-kit gives for body fields. */
@RestControllerAdvice(basePackageClasses = ParameterProblems.class)
class ParameterProblems {

    @ExceptionHandler
    ProblemDetail invalid(InvalidParameterException e) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Invalid request", e.getMessage());
        problem.setProperty("parameter", e.parameter());
        problem.setProperty("errors", List.of(Map.of("field", e.parameter(), "message", e.getMessage())));
        return problem;
    }
}
