package org.drcc.incident.web;

import org.drcc.incident.command.IncidentRuleException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Maps the incident's rule violations to 409 problem+json; nothing was stored. */
@RestControllerAdvice
class IncidentProblems {

    @ExceptionHandler(IncidentRuleException.class)
    ProblemDetail refused(IncidentRuleException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        problem.setTitle("Refused by the incident's rules");
        return problem;
    }
}
