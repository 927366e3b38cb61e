package org.drcc.incident.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Collection;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Rebuilds a read model from the event store: the processor's tables are emptied and every event is
 * handled again. The events are untouched. Needs every segment of the processor on this instance. Where a rebuild
 * stands is read back from the same path, so an operator (or a script) knows when the read model is whole again.
 */
@Tag(name = "admin", description = "Operations on the service itself")
@RestController
@RequestMapping("/api/admin/projections")
class ProjectionController {

    private static final Set<String> REPLAYABLE = Set.of("incident-projection", "audit-log");

    private final EventProcessingConfiguration processing;

    /**
     * Where a read model stands on this instance: {@code replaying} (a rebuild is going on), {@code catching-up}
     * (behind the newest events), {@code live} (up to date), {@code failing} (a segment stopped on an error and is
     * retried), or {@code unclaimed} (no segment on this instance: it is starting, or another instance holds them).
     */
    record ProjectionState(String projection, String state, int segmentsHere, Long position) {
    }

    ProjectionController(EventProcessingConfiguration processing) {
        this.processing = processing;
    }

    @Operation(summary = "Where a read model stands on this instance",
            description = "`state`: `replaying`, `catching-up`, `live`, `failing` or `unclaimed` (no segment here: "
                    + "starting, or held by another instance); `position`: the lowest event position its segments "
                    + "here have reached. After a replay, the read model is whole again once it is `live`.")
    @ApiResponse(responseCode = "200", description = "The read model's state")
    @GetMapping("/{name}")
    ProjectionState state(@PathVariable String name) {
        StreamingEventProcessor processor = replayable(name);
        Collection<EventTrackerStatus> segments = processor.processingStatus().values();
        String state = segments.isEmpty() ? "unclaimed"
                : segments.stream().anyMatch(EventTrackerStatus::isErrorState) ? "failing"
                // caught up first: Axon keeps a segment's replay flag until an event after the reset arrives
                : segments.stream().allMatch(EventTrackerStatus::isCaughtUp) ? "live"
                : segments.stream().anyMatch(EventTrackerStatus::isReplaying) ? "replaying" : "catching-up";
        Long position = segments.stream().map(EventTrackerStatus::getCurrentPosition)
                .filter(OptionalLong::isPresent).map(OptionalLong::getAsLong)
                .min(Long::compare).orElse(null);
        return new ProjectionState(name, state, segments.size(), position);
    }

    @Operation(summary = "Rebuild a read model from the event store", description = "The read model is emptied and rebuilt from the first event; reads may be incomplete until it is done.")
    @ApiResponse(responseCode = "202", description = "Accepted: the read model is being rebuilt")
    @PostMapping("/{name}/replay")
    ResponseEntity<Map<String, String>> replay(@PathVariable String name) {
        StreamingEventProcessor processor = replayable(name);
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

    private StreamingEventProcessor replayable(String name) {
        if (!REPLAYABLE.contains(name)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND,
                    "no replayable projection '" + name + "'; replayable: " + REPLAYABLE);
        }
        return processing.eventProcessor(name, StreamingEventProcessor.class)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "projection '" + name + "' is not running"));
    }
}
