package org.drcc.backup.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.drcc.backup.pitr.PointInTimeRestores;
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
    private final PointInTimeRestores pointInTime;

    HoldController(IncidentHolds holds, PointInTimeRestores pointInTime) {
        this.holds = holds;
        this.pointInTime = pointInTime;
    }

    @Operation(summary = "List the holds for open incidents")
    @GetMapping
    List<IncidentHold> all() {
        return holds.all();
    }

    @Operation(summary = "Read the hold of one incident",
            description = "With the restore point offered when the suspected start of the damage is known: the instant "
                    + "just before it (point-in-time recovery, POST /api/restores with toTime) where a base backup "
                    + "reaches that far back, else the newest verified dump before it (POST /api/restores with before).")
    @GetMapping("/{incidentId}")
    HoldView one(@PathVariable String incidentId) {
        IncidentHold hold = holds.find(incidentId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                "no hold for incident " + incidentId + " (unknown, or its declaration has not arrived yet)"));
        return new HoldView(hold.incidentId(), hold.scenario(), hold.drill(), hold.suspectedDamageStart(),
                hold.heldSince(), hold.releasedAt(),
                hold.suspectedDamageStart() == null ? null : pointInTime.offer(hold.suspectedDamageStart()));
    }
}
