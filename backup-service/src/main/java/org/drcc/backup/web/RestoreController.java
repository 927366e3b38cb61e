package org.drcc.backup.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.security.Principal;
import org.drcc.backup.job.RestoreAccepted;
import org.drcc.backup.job.RestoreJob;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The plan's "restore from a clean backup before the infection", in one call. */
@Tag(name = "backups")
@RestController
@RequestMapping("/api/restores")
class RestoreController {

    private final RestoreJob restoreJob;

    RestoreController(RestoreJob restoreJob) {
        this.restoreJob = restoreJob;
    }

    @Operation(summary = "Restore the newest verified backup taken before an instant", description = "Say, the suspected start of the damage. Over the live database only with confirmOverwrite. Answers 202 with Location. Rate-limited.")
    @ApiResponse(responseCode = "202", description = "Accepted: the restore of the backup it names runs; it ends in that backup's restores")
    @PostMapping
    ResponseEntity<RestoreAccepted> restoreNewestVerifiedBefore(@Valid @RequestBody RestoreBeforeRequest request,
            Principal caller)
            throws Exception {
        RestoreAccepted accepted = restoreJob.startNewestVerifiedBefore(request.database(), request.before(),
                request.targetDatabase(), request.confirmOverwrite(), request.from(), caller.getName());
        return ResponseEntity.accepted().location(URI.create("/api/backups/" + accepted.backupId())).body(accepted);
    }
}
