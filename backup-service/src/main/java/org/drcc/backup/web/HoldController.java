package org.drcc.backup.web;

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
@RestController
@RequestMapping("/api/holds")
class HoldController {

    private final IncidentHolds holds;

    HoldController(IncidentHolds holds) {
        this.holds = holds;
    }

    @GetMapping
    List<IncidentHold> all() {
        return holds.all();
    }

    @GetMapping("/{incidentId}")
    IncidentHold one(@PathVariable String incidentId) {
        return holds.find(incidentId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                "no hold for incident " + incidentId + " (unknown, or its declaration has not arrived yet)"));
    }
}
