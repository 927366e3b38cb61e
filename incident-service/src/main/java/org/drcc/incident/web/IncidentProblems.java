package org.drcc.incident.web;

import static org.drcc.kit.problem.Problems.problem;

import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Maps the incident's refusals to problem+json (a rule's refusal: the kit's advice); in every case nothing was stored. */
@RestControllerAdvice
class IncidentProblems {

    @ExceptionHandler(AggregateNotFoundException.class)
    ProblemDetail unknown(AggregateNotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "Incident not found", "no incident has id " + e.getAggregateIdentifier());
    }

    @ExceptionHandler(ConflictingAggregateVersionException.class)
    ProblemDetail stale(ConflictingAggregateVersionException e) {
        return problem(HttpStatus.PRECONDITION_FAILED, "The incident has changed",
                "If-Match names version " + e.getExpectedVersion() + " but the incident is at version "
                        + e.getActualVersion() + ": GET it again, check the change, then retry");
    }

    @ExceptionHandler(ConcurrencyException.class)
    ProblemDetail concurrent(ConcurrencyException e) {
        return problem(HttpStatus.CONFLICT, "Changed concurrently",
                "another change to this incident was stored at the same moment: GET it again, then retry");
    }

    @ExceptionHandler(MissingRequestHeaderException.class)
    ProblemDetail missingHeader(MissingRequestHeaderException e) {
        return problem(HttpStatus.BAD_REQUEST, "Invalid request", "the header " + e.getHeaderName() + " is required");
    }
}
