package org.drcc.backup.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.drcc.backup.query.IncidentHold;
import org.drcc.backup.query.IncidentHolds;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** The incidents whose backups are held from retention. */
@Tag(name = "holds", description = "Backups held for open incidents: not expired while the incident is open")
@RestController
@RequestMapping("/api/holds")
class HoldController {

    private final IncidentHolds holds;

    HoldController(IncidentHolds holds) {
        this.holds = holds;
    }

    @Operation(summary = "List the holds for open incidents")
    @GetMapping
    List<IncidentHold> all() {
        return holds.all();
    }

    @Operation(summary = "Read the hold of one incident")
    @GetMapping("/{incidentId}")
    IncidentHold one(@PathVariable String incidentId) {
        return holds.find(incidentId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                "no hold for incident " + incidentId + " (unknown, or its declaration has not arrived yet)"));
    }
}
