package org.drcc.demoapp.web;

import org.drcc.demoapp.release.ReleaseRefusedException;
import org.drcc.demoapp.release.UnknownReleaseException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** A refused deploy or rollback as problem+json: nothing was written to the ledger. */
@RestControllerAdvice
class ReleaseProblems {

    @ExceptionHandler(UnknownReleaseException.class)
    ProblemDetail unknown(UnknownReleaseException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
    }

    @ExceptionHandler(ReleaseRefusedException.class)
    ProblemDetail refused(ReleaseRefusedException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
    }
}
