package org.drcc.incident.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Map;
import java.util.Set;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Rebuilds a read model from the event store: the processor's tables are emptied and every event is
 * handled again. The events are untouched. Needs every segment of the processor on this instance.
 */
@Tag(name = "admin", description = "Operations on the service itself")
@RestController
@RequestMapping("/api/admin/projections")
class ProjectionController {

    private static final Set<String> REPLAYABLE = Set.of("incident-projection", "audit-log");

    private final EventProcessingConfiguration processing;

    ProjectionController(EventProcessingConfiguration processing) {
        this.processing = processing;
    }

    @Operation(summary = "Rebuild a read model from the event store", description = "The read model is emptied and rebuilt from the first event; reads may be incomplete until it is done.")
    @ApiResponse(responseCode = "202", description = "Accepted: the read model is being rebuilt")
    @PostMapping("/{name}/replay")
    ResponseEntity<Map<String, String>> replay(@PathVariable String name) {
        if (!REPLAYABLE.contains(name)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND,
                    "no replayable projection '" + name + "'; replayable: " + REPLAYABLE);
        }
        StreamingEventProcessor processor = processing.eventProcessor(name, StreamingEventProcessor.class)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "projection '" + name + "' is not running"));
        processor.shutDown();
        try {
            processor.resetTokens();
        } catch (RuntimeException e) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, "cannot replay '" + name
                    + "' while another instance holds some of its segments: " + e.getMessage());
        } finally {
            processor.start();
        }
        return ResponseEntity.accepted().body(Map.of("projection", name, "status", "replaying"));
    }
}
