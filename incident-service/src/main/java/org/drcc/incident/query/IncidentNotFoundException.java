package org.drcc.incident.query;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** No incident has this id (or none existed yet at the instant asked for). */
public class IncidentNotFoundException extends ErrorResponseException {

    public IncidentNotFoundException(String detail) {
        super(HttpStatus.NOT_FOUND, problem(detail), null);
    }

    private static ProblemDetail problem(String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, detail);
        problem.setTitle("Incident not found");
        return problem;
    }
}
