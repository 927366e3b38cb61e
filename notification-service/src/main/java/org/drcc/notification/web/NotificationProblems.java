package org.drcc.notification.web;

import static org.drcc.kit.problem.Problems.problem;

import org.axonframework.modelling.command.AggregateNotFoundException;
import org.drcc.notification.plan.PlanRejectedException;
import org.drcc.notification.policy.AcknowledgeRefusedException;
import org.drcc.notification.plan.UnknownAudienceException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Maps the notification's refusals to problem+json (a rule's refusal: the kit's advice); in every case nothing was stored. */
@RestControllerAdvice
class NotificationProblems {

    @ExceptionHandler(AggregateNotFoundException.class)
    ProblemDetail unknown(AggregateNotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "Notification not found",
                "no notification has id " + e.getAggregateIdentifier());
    }

    @ExceptionHandler(PlanRejectedException.class)
    ProblemDetail planRejected(PlanRejectedException e) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Communication plan refused; nothing was changed",
                e.getMessage());
        problem.setProperty("errors", e.problems());
        return problem;
    }

    @ExceptionHandler(AcknowledgeRefusedException.class)
    ProblemDetail acknowledgeRefused(AcknowledgeRefusedException e) {
        return problem(HttpStatus.FORBIDDEN, "Not yours to acknowledge; nothing was recorded", e.getMessage());
    }

    @ExceptionHandler(UnknownAudienceException.class)
    ProblemDetail unknownAudience(UnknownAudienceException e) {
        return problem(HttpStatus.NOT_FOUND, "Stakeholder group not found", e.getMessage());
    }
}
