package org.drcc.backup.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.security.Principal;
import java.util.Map;
import org.drcc.backup.job.RetentionJob;
import org.drcc.backup.retention.RetentionPlan;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Runs retention now rather than at its scheduled time; answers each database's plan: what it kept and
 * why, what it expired, what waits for the next run, or why it halted and deleted nothing.
 */
@Tag(name = "retention", description = "The plan's GFS retention of backups")
@RestController
@RequestMapping("/api/retention")
class RetentionController {

    private final RetentionJob retention;

    RetentionController(RetentionJob retention) {
        this.retention = retention;
    }

    @Operation(summary = "Run the retention now", description = "Expires what the policies no longer keep, never a backup held for an open incident; answers what it kept and expired per database.")
    @PostMapping
    Map<String, RetentionPlan> runNow(Principal caller) {
        return retention.run(caller.getName());
    }
}
