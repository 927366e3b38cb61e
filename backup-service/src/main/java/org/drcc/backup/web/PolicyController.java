package org.drcc.backup.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.drcc.backup.policy.DatabasePolicy;
import org.drcc.backup.job.Policies;
import org.drcc.backup.query.BackupFilter;
import org.drcc.backup.query.BackupSummary;
import org.drcc.backup.query.Backups;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "policies", description = "The backup policies of the protected databases")
@RestController
@RequestMapping("/api/policies")
class PolicyController {

    private final Policies policies;
    private final Backups backups;
    private final Clock clock;

    PolicyController(Policies policies, Backups backups, Clock clock) {
        this.policies = policies;
        this.backups = backups;
        this.clock = clock;
    }

    @Operation(summary = "List the backup policies: schedule, RPO, retention, tiers")
    @GetMapping
    List<PolicyView> all() {
        return policies.all().entrySet().stream().map(e -> view(e.getKey(), e.getValue())).toList();
    }

    private PolicyView view(String database, DatabasePolicy policy) {
        Instant last = backups.list(new BackupFilter(database, "COMPLETED", null, null, 1)).stream()
                .findFirst().map(BackupSummary::snapshotAt).orElse(null);
        boolean rpoMet = last != null && !last.plus(policy.rpo()).isBefore(clock.instant());
        return new PolicyView(database, policy.critical(), policy.schedule(), policy.rpo(), policy.retention(), last,
                rpoMet);
    }
}
