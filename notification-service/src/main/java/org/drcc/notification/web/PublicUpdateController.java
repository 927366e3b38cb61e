package org.drcc.notification.web;

import static org.drcc.kit.problem.Problems.problem;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.security.Principal;
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
@RestController
class PublicUpdateController {

    /** A public update: its text and, optionally, a public title for the incident (else a neutral one). */
    record PublicUpdateRequest(@NotBlank @Size(max = 2000) String text, @Size(max = 200) String title) {
    }

    private final StatusBoard board;

    PublicUpdateController(StatusBoard board) {
        this.board = board;
    }

    /** The incident as the public page will show it once this update is published; nothing is stored. */
    @PostMapping("/api/status/incidents/{incidentId}/updates/preview")
    ResponseEntity<Object> preview(@PathVariable String incidentId, @Valid @RequestBody PublicUpdateRequest update) {
        return board.preview(incidentId, update.text(), update.title())
                .<ResponseEntity<Object>>map(ResponseEntity::ok).orElseGet(() -> notShown(incidentId));
    }

    /** Publishes the update as written; answers the incident as the public page now shows it. */
    @PostMapping("/api/status/incidents/{incidentId}/updates")
    ResponseEntity<Object> publish(@PathVariable String incidentId, @Valid @RequestBody PublicUpdateRequest update,
                                   Principal caller) {
        return board.publish(incidentId, update.text(), update.title(), caller.getName())
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
