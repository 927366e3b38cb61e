package org.drcc.incident.query;

import static org.drcc.kit.problem.Problems.problem;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** No incident has this id (or none existed yet at the instant asked for). */
public class IncidentNotFoundException extends ErrorResponseException {

    public IncidentNotFoundException(String detail) {
        super(HttpStatus.NOT_FOUND, problem(HttpStatus.NOT_FOUND, "Incident not found", detail), null);
    }
}
