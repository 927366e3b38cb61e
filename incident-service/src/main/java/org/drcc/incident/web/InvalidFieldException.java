package org.drcc.incident.web;

import static org.drcc.kit.problem.Problems.invalid;

import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** A 400 that names the field at fault, in the same shape as a bean-validation failure. */
class InvalidFieldException extends ErrorResponseException {

    InvalidFieldException(String field, String message) {
        super(HttpStatus.BAD_REQUEST,
                invalid(field + " " + message, List.of(Map.of("field", field, "message", message))), null);
    }
}
