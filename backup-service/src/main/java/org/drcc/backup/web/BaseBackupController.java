package org.drcc.backup.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.security.Principal;
import java.util.List;
import org.drcc.backup.pitr.BaseBackupView;
import org.drcc.backup.pitr.BaseBackups;
import org.drcc.backup.pitr.Repository;
import org.drcc.backup.pitr.PitrViews;
import org.drcc.kit.idempotency.Fingerprint;
import org.drcc.kit.idempotency.IdempotencyKeys;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** A base backup for point-in-time recovery now, besides the schedule's. */
@Tag(name = "backups")
@RestController
@RequestMapping("/api/base-backups")
class BaseBackupController {

    private final BaseBackups baseBackups;
    private final PitrViews views;
    private final IdempotencyKeys idempotency;

    BaseBackupController(BaseBackups baseBackups, PitrViews views, IdempotencyKeys idempotency) {
        this.idempotency = idempotency;
        this.baseBackups = baseBackups;
        this.views = views;
    }

    @Operation(summary = "The base backups, newest first", description = "One row per tier's repository: COMPLETED (restorable to any instant from consistentAt on), FAILED (why), EXPIRED.")
    @ApiResponse(responseCode = "200", description = "The base backups")
    @GetMapping
    List<BaseBackupView> list(@RequestParam(defaultValue = "60") int limit) {
        return views.baseBackups(Math.max(1, Math.min(limit, 1000)));
    }

    @Operation(summary = "Take a base backup of the protected server's cluster now", description = "pgBackRest, to each tier's repository in turn, then the GFS retention; the outcome is in dr.backup.base-backup-completed.v1 or -failed.v1 (one per tier). With adoptServer (the day after the protected server was lost, backup-service pointed at a replacement): the stanza is first upgraded to the replacement, whose system identifier the body confirms, and the lost cluster's base backups and WAL stay as its prior database; 409 when the identifier is not the server's or the stanza already serves it. 409 while one runs on any instance or when point-in-time recovery is not set up. Rate-limited.")
    @ApiResponse(responseCode = "202", description = "Accepted: the base backup runs",
            content = @Content(schema = @Schema(implementation = BaseBackupAccepted.class)))
    @PostMapping
    ResponseEntity<?> backUpNow(@Valid @RequestBody(required = false) BaseBackupRequest request, Principal caller,
            @RequestHeader(value = "Idempotency-Key", required = false) String idempotencyKey) throws Exception {
        String adopt = request == null ? null : request.adoptServer();
        return idempotency.startOnce(caller.getName(), idempotencyKey,
                Fingerprint.of("base-backup", adopt == null ? "" : adopt), () -> {
                    String backupId = adopt == null ? baseBackups.start(caller.getName())
                            : baseBackups.adopt(adopt, caller.getName());
                    return ResponseEntity.accepted().body(new BaseBackupAccepted(backupId, baseBackups.database(),
                            baseBackups.repositories().stream().map(Repository::tier).toList()));
                });
    }
}
