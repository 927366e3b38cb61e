package org.drcc.incident.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.security.Principal;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.drcc.incident.query.ReviewProjection;
import org.drcc.incident.query.ReviewView;
import org.drcc.incident.review.RecordReviewCommand;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

@Tag(name = "reviews", description = "The plan's review schedule: monthly, quarterly, annual and after each incident")
@RestController
@RequestMapping("/api/reviews")
class ReviewController {

    private static final Set<String> STATUSES = Set.of("OVERDUE", "DUE", "DONE");

    private final CommandGateway commands;
    private final ReviewProjection reviews;
    private final Clock clock;

    ReviewController(CommandGateway commands, ReviewProjection reviews, Clock clock) {
        this.commands = commands;
        this.reviews = reviews;
        this.clock = clock;
    }

    @Operation(summary = "The plan's reviews, overdue first",
            description = "Each review the schedule owes (one per month, quarter and year, UTC, and one after each closed "
                    + "real incident), with its status: OVERDUE (past due, not held), DUE or DONE (who, when, what "
                    + "changed in the plan).")
    @ApiResponse(responseCode = "400", description = "status is not OVERDUE, DUE or DONE",
            content = @Content(mediaType = "application/problem+json"))
    @GetMapping
    List<ReviewView> list(@RequestParam(required = false) String status) {
        if (status != null && !STATUSES.contains(status)) {
            throw new InvalidFieldException("status", "must be one of OVERDUE, DUE, DONE");
        }
        return reviews.find(status, clock.instant());
    }

    @Operation(summary = "Record a review as held",
            description = "Recorded as dr.plan.reviewed.v1: the caller, the time, and what the review changed in the plan "
                    + "(planChanged false: nothing, and why). A review is recorded once.")
    @ApiResponse(responseCode = "404", description = "No such review", content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "409", description = "Already recorded", content = @Content(mediaType = "application/problem+json"))
    @PostMapping("/{id}")
    ReviewView record(@PathVariable String id, @Valid @RequestBody ReviewRequest request, Principal caller) {
        if (reviews.one(id, clock.instant()).isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no review has id " + id + "; GET /api/reviews lists them");
        }
        commands.sendAndWait(new RecordReviewCommand(id, request.planChanged(), request.changes(), caller.getName(),
                clock.instant()));
        ReviewView held = reviews.one(id, clock.instant()).orElseThrow();
        return "DONE".equals(held.status()) ? held : new ReviewView(held.id(), held.kind(), held.what(),
                held.incidentId(), held.dueAt(), held.openedAt(), "DONE", clock.instant(), caller.getName(),
                request.planChanged(), request.changes().strip());
    }
}
