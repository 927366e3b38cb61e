package org.drcc.backup.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.security.Principal;
import java.time.Instant;
import java.util.List;
import org.drcc.backup.job.BackupJob;
import org.drcc.backup.job.RestoreAccepted;
import org.drcc.backup.job.RestoreJob;
import org.drcc.backup.job.VerifyJob;
import org.drcc.backup.query.BackupFilter;
import org.drcc.backup.query.BackupSummary;
import org.drcc.backup.query.BackupView;
import org.drcc.backup.query.Backups;
import org.drcc.kit.idempotency.Fingerprint;
import org.drcc.kit.idempotency.IdempotencyKeys;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Backups: list, show, take now, verify by restore, restore. The long work runs in the background (202).
 * The actor recorded is the caller named by the bearer token. A start sent again with the same
 * {@code Idempotency-Key} (its answer lost on the way) gets the first answer and starts nothing.
 */
@Tag(name = "backups", description = "Back up the protected databases, verify a backup by restoring it, restore one")
@RestController
@RequestMapping("/api/backups")
class BackupController {

    private final Backups backups;
    private final BackupJob backupJob;
    private final VerifyJob verifyJob;
    private final RestoreJob restoreJob;
    private final IdempotencyKeys idempotency;

    BackupController(Backups backups, BackupJob backupJob, VerifyJob verifyJob, RestoreJob restoreJob,
                     IdempotencyKeys idempotency) {
        this.idempotency = idempotency;
        this.backups = backups;
        this.backupJob = backupJob;
        this.verifyJob = verifyJob;
        this.restoreJob = restoreJob;
    }

    /** Newest first. {@code verified=true&before=T&limit=1} is the newest verified backup before T. */
    @Operation(summary = "List backups, newest first", description = "Filters combine (database, status, verified); at most 1000.")
    @GetMapping
    List<BackupSummary> list(@RequestParam(required = false) String database,
                             @RequestParam(required = false) BackupState status,
                             @RequestParam(required = false) Boolean verified,
                             @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant before,
                             @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit) {
        return backups.list(new BackupFilter(database, status == null ? null : status.name(), verified, before, limit));
    }

    @Operation(summary = "Read one backup: status, size, checksum, copies, manifest, verification", description = "Poll it after a 202 until status is final: phase, bytes and timestamps show progress.")
    @GetMapping("/{id}")
    BackupView one(@PathVariable String id) {
        return backups.view(id);
    }

    @Operation(summary = "Back up a protected database now", description = "Answers 202 with Location at once; the dump streams to S3 and is copied to the other tiers. Rate-limited.")
    @ApiResponse(responseCode = "202", description = "Accepted: the backup runs; Location is the backup, to read until its status is COMPLETED or FAILED",
            content = @Content(schema = @Schema(implementation = BackupView.class)))
    @PostMapping
    ResponseEntity<?> backUpNow(@Valid @RequestBody BackupRequest request, Principal caller,
            @RequestHeader(value = "Idempotency-Key", required = false) String idempotencyKey) throws Exception {
        return idempotency.startOnce(caller.getName(), idempotencyKey, Fingerprint.of("backup", request), () -> {
            String id = backupJob.start(request.database(), caller.getName());
            return ResponseEntity.accepted().location(URI.create("/api/backups/" + id)).body(backups.view(id));
        });
    }

    @Operation(summary = "Verify a backup by restoring it into a scratch database", description = "Answers 202 with Location; the verification ends in the backup's verification field. Rate-limited.")
    @ApiResponse(responseCode = "202", description = "Accepted: the verification runs; it ends in the backup's verification and verifiedAt",
            content = @Content(schema = @Schema(implementation = BackupView.class)))
    @PostMapping("/{id}/verify")
    ResponseEntity<?> verify(@PathVariable String id, Principal caller,
            @RequestHeader(value = "Idempotency-Key", required = false) String idempotencyKey) throws Exception {
        return idempotency.startOnce(caller.getName(), idempotencyKey, Fingerprint.of("verify", id), () -> {
            verifyJob.start(id, caller.getName());
            return ResponseEntity.accepted().location(URI.create("/api/backups/" + id)).body(backups.view(id));
        });
    }

    @Operation(summary = "Restore a backup into a new database, or over the protected one", description = "Over the live database only with confirmOverwrite. Answers 202 with Location of the restore. Rate-limited.")
    @ApiResponse(responseCode = "202", description = "Accepted: the restore runs; it ends in the backup's restores (RESTORED or FAILED)",
            content = @Content(schema = @Schema(implementation = RestoreAccepted.class)))
    @PostMapping("/{id}/restore")
    ResponseEntity<?> restore(@PathVariable String id, @Valid @RequestBody RestoreRequest request, Principal caller,
            @RequestHeader(value = "Idempotency-Key", required = false) String idempotencyKey) throws Exception {
        return idempotency.startOnce(caller.getName(), idempotencyKey, Fingerprint.of("restore " + id, request), () -> {
            RestoreAccepted accepted = restoreJob.start(id, request.targetDatabase(), request.confirmOverwrite(),
                    request.from(), caller.getName());
            return ResponseEntity.accepted().location(URI.create("/api/backups/" + id)).body(accepted);
        });
    }
}
