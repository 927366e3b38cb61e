package org.drcc.backup.web;

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
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Backups: list, show, take now, verify by restore, restore. The long work runs in the background (202).
 * The actor recorded is the caller named by the bearer token.
 */
@RestController
@RequestMapping("/api/backups")
class BackupController {

    private final Backups backups;
    private final BackupJob backupJob;
    private final VerifyJob verifyJob;
    private final RestoreJob restoreJob;

    BackupController(Backups backups, BackupJob backupJob, VerifyJob verifyJob, RestoreJob restoreJob) {
        this.backups = backups;
        this.backupJob = backupJob;
        this.verifyJob = verifyJob;
        this.restoreJob = restoreJob;
    }

    /** Newest first. {@code verified=true&before=T&limit=1} is the newest verified backup before T. */
    @GetMapping
    List<BackupSummary> list(@RequestParam(required = false) String database,
                             @RequestParam(required = false) BackupState status,
                             @RequestParam(required = false) Boolean verified,
                             @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant before,
                             @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit) {
        return backups.list(new BackupFilter(database, status == null ? null : status.name(), verified, before, limit));
    }

    @GetMapping("/{id}")
    BackupView one(@PathVariable String id) {
        return backups.view(id);
    }

    @PostMapping
    ResponseEntity<BackupView> backUpNow(@Valid @RequestBody BackupRequest request,
                                         Principal caller) {
        String id = backupJob.start(request.database(), caller.getName());
        return ResponseEntity.accepted().location(URI.create("/api/backups/" + id)).body(backups.view(id));
    }

    @PostMapping("/{id}/verify")
    ResponseEntity<BackupView> verify(@PathVariable String id,
                                      Principal caller) {
        verifyJob.start(id, caller.getName());
        return ResponseEntity.accepted().location(URI.create("/api/backups/" + id)).body(backups.view(id));
    }

    @PostMapping("/{id}/restore")
    ResponseEntity<RestoreAccepted> restore(@PathVariable String id, @Valid @RequestBody RestoreRequest request,
            Principal caller) throws Exception {
        RestoreAccepted accepted = restoreJob.start(id, request.targetDatabase(), request.confirmOverwrite(), request.from(),
                caller.getName());
        return ResponseEntity.accepted().location(URI.create("/api/backups/" + id)).body(accepted);
    }
}
