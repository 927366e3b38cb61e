package org.drcc.backup.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.security.Principal;
import org.drcc.backup.job.RestoreAccepted;
import org.drcc.backup.job.RestoreJob;
import org.drcc.backup.pitr.PitrRestoreAccepted;
import org.drcc.backup.pitr.PitrRestoreView;
import org.drcc.backup.pitr.PitrViews;
import org.drcc.backup.pitr.PointInTimeRestores;
import org.drcc.backup.pitr.RestoreNotFoundException;
import org.drcc.kit.idempotency.Fingerprint;
import org.drcc.kit.idempotency.IdempotencyKeys;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The plan's "restore from a clean backup before the infection", in one call: from the newest verified dump before an
 * instant, or (point-in-time recovery) as the database was at the instant itself.
 */
@Tag(name = "backups")
@RestController
@RequestMapping("/api/restores")
class RestoreController {

    private final RestoreJob restoreJob;
    private final PointInTimeRestores pointInTime;
    private final PitrViews pitrViews;
    private final IdempotencyKeys idempotency;

    RestoreController(RestoreJob restoreJob, PointInTimeRestores pointInTime, PitrViews pitrViews,
                      IdempotencyKeys idempotency) {
        this.idempotency = idempotency;
        this.restoreJob = restoreJob;
        this.pointInTime = pointInTime;
        this.pitrViews = pitrViews;
    }

    @Operation(summary = "Restore the newest verified backup taken before an instant, or the database as it was at an instant",
            description = "With before (say, the suspected start of the damage): the newest verified dump taken before it; "
                    + "over the live database only with confirmOverwrite; Location: the backup. With toTime: point-in-time "
                    + "recovery from the newest base backup before it and the archived WAL, into a new database; 400 for an "
                    + "instant in the future or before the oldest base backup; Location: the restore. With toEndOfArchive "
                    + "(the protected server lost): all the WAL archive holds, from the tier named by from or the one "
                    + "whose archive reaches furthest, asking nothing of the protected server, into a new or empty "
                    + "database (409 for one that holds a table) on the server the database's settings name (it may bear "
                    + "the protected database's name, as on a replacement server); reachedAt says how far the archive "
                    + "reached. Answers 202. Rate-limited.")
    @ApiResponse(responseCode = "202", description = "Accepted: the restore runs; it ends in that backup's restores, or (toTime) in GET /api/restores/{restoreId}",
            content = @Content(schema = @Schema(oneOf = {RestoreAccepted.class, PitrRestoreAccepted.class})))
    @PostMapping
    ResponseEntity<?> restoreNewestVerifiedBefore(@Valid @RequestBody RestoreBeforeRequest request, Principal caller,
            @RequestHeader(value = "Idempotency-Key", required = false) String idempotencyKey) throws Exception {
        return idempotency.startOnce(caller.getName(), idempotencyKey, Fingerprint.of("restores", request),
                () -> restore(request, caller));
    }

    private ResponseEntity<?> restore(RestoreBeforeRequest request, Principal caller) throws Exception {
        if (request.toTime() != null || request.toEndOfArchive()) {
            var accepted = request.toEndOfArchive()
                    ? pointInTime.startToEndOfArchive(request.database(), request.targetDatabase(), request.from(),
                            caller.getName())
                    : pointInTime.start(request.database(), request.toTime(), request.targetDatabase(), caller.getName());
            return ResponseEntity.accepted().location(URI.create("/api/restores/" + accepted.restoreId())).body(accepted);
        }
        RestoreAccepted accepted = restoreJob.startNewestVerifiedBefore(request.database(), request.before(),
                request.targetDatabase(), request.confirmOverwrite(), request.from(), caller.getName());
        return ResponseEntity.accepted().location(URI.create("/api/backups/" + accepted.backupId())).body(accepted);
    }

    @Operation(summary = "A restore to an instant", description = "RUNNING, RESTORED (reachedAt: the commit time of the last transaction replayed, the instant the data is from; the tables and rows counted; applicationChecks run and applicationChecksFailing, the ones that failed with their rows) or FAILED (why).")
    @ApiResponse(responseCode = "200", description = "The restore")
    @GetMapping("/{restoreId}")
    PitrRestoreView restoreToInstant(@PathVariable String restoreId) {
        return pitrViews.restore(restoreId).orElseThrow(() -> new RestoreNotFoundException(restoreId));
    }
}
