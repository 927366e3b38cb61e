package org.drcc.metrics.web;

import java.util.List;
import java.util.Map;
import org.drcc.kit.problem.Problems;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** A 400 that names the request parameter, in the shape the service-kit gives for body fields. */
@RestControllerAdvice(basePackageClasses = ParameterProblems.class)
class ParameterProblems {

    @ExceptionHandler
    ProblemDetail invalid(InvalidParameterException e) {
        ProblemDetail problem = Problems.invalid(e.getMessage(),
                List.of(Map.of("field", e.parameter(), "message", e.getMessage())));
        problem.setProperty("parameter", e.parameter());
        return problem;
    }
}
