package org.drcc.incident.web;

import static org.drcc.kit.problem.Problems.problem;

import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A 400 that names the field at fault, in the same shape as a bean-validation failure. */
class InvalidFieldException extends ErrorResponseException {

    InvalidFieldException(String field, String message) {
        super(HttpStatus.BAD_REQUEST, invalid(field, message), null);
    }

    private static ProblemDetail invalid(String field, String message) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Invalid request", field + " " + message);
        problem.setProperty("errors", List.of(Map.of("field", field, "message", message)));
        return problem;
    }
}
