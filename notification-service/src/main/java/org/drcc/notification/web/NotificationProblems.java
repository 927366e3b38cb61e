package org.drcc.notification.web;

import org.axonframework.modelling.command.AggregateNotFoundException;
import org.drcc.notification.command.NotificationRuleException;
import org.drcc.notification.plan.PlanRejectedException;
import org.drcc.notification.plan.UnknownAudienceException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Maps the notification's refusals to problem+json; in every case nothing was stored. */
@RestControllerAdvice
class NotificationProblems {

    @ExceptionHandler(NotificationRuleException.class)
    ProblemDetail refused(NotificationRuleException e) {
        return problem(HttpStatus.CONFLICT, "Refused by the notification's rules", e.getMessage());
    }

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

    @ExceptionHandler(UnknownAudienceException.class)
    ProblemDetail unknownAudience(UnknownAudienceException e) {
        return problem(HttpStatus.NOT_FOUND, "Stakeholder group not found", e.getMessage());
    }

    private static ProblemDetail problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return problem;
    }
}
