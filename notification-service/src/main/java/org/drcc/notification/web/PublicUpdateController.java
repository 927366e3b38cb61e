package org.drcc.notification.web;

import static org.drcc.kit.problem.Problems.problem;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.security.Principal;
import java.time.Clock;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.drcc.notification.command.PublishStatusUpdateCommand;
import org.drcc.notification.status.StatusBoard;
import org.drcc.notification.status.StatusView;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the public status page says about an incident is what a person published here, word for word; nothing
 * of the incident's internal write-ups reaches it. The preview answers exactly what the page will then show.
 */
@Tag(name = "status page updates", description = "What the public status page says about an incident, written and published by a person")
@RestController
class PublicUpdateController {

    /** A public update: its text and, optionally, a public title for the incident (else a neutral one). */
    record PublicUpdateRequest(@NotBlank @Size(max = 2000) String text, @Size(max = 200) String title) {
    }

    private final StatusBoard board;
    private final CommandGateway commands;
    private final Clock clock;

    PublicUpdateController(StatusBoard board, CommandGateway commands, Clock clock) {
        this.board = board;
        this.commands = commands;
        this.clock = clock;
    }

    /** The incident as the public page will show it once this update is published; nothing is stored. */
    @Operation(summary = "Preview a public update: the incident as the status page would show it", description = "Nothing is stored; 404 when the page does not show the incident (unknown here, or a drill).")
    @PostMapping("/api/status/incidents/{incidentId}/updates/preview")
    ResponseEntity<Object> preview(@PathVariable String incidentId, @Valid @RequestBody PublicUpdateRequest update) {
        return board.preview(incidentId, update.text(), update.title())
                .<ResponseEntity<Object>>map(ResponseEntity::ok).orElseGet(() -> notShown(incidentId));
    }

    /**
     * Publishes the update as written (an event: dr.notification.status-update-published.v1, with who published
     * it); answers the incident as the public page now shows it.
     */
    @Operation(summary = "Publish a public update to the status page, word for word", description = "Answers the incident as the public page now shows it; 404 when the page does not show the incident (unknown here, or a drill).")
    @ApiResponse(responseCode = "201", description = "Published: the incident as the public page now shows it")
    @PostMapping("/api/status/incidents/{incidentId}/updates")
    ResponseEntity<Object> publish(@PathVariable String incidentId, @Valid @RequestBody PublicUpdateRequest update,
                                   Principal caller) {
        if (!board.shows(incidentId)) {
            return notShown(incidentId);
        }
        commands.sendAndWait(new PublishStatusUpdateCommand("public-" + UUID.randomUUID(), incidentId, update.text(),
                update.title(), caller.getName(), clock.instant()));
        return board.shown(incidentId)
                .<ResponseEntity<Object>>map(shown -> ResponseEntity.status(HttpStatus.CREATED).body(shown))
                .orElseGet(() -> notShown(incidentId));
    }

    private static ResponseEntity<Object> notShown(String incidentId) {
        ProblemDetail problem = problem(HttpStatus.NOT_FOUND, "Incident not on the status page",
                "the public status page does not show incident " + incidentId
                        + ": it is unknown here or a drill (drills are never published)");
        return ResponseEntity.status(HttpStatus.NOT_FOUND)
                .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
