package org.drcc.backup.job;

import org.drcc.backup.query.BackupFilter;
import org.drcc.backup.query.Backups;
import org.drcc.contract.incident.IncidentContainedEvent;
import org.springframework.stereotype.Component;

/**
 * On containment, the newest completed backup of every protected database is verified by restore. Not for a
 * drill's incident: the drill verified the backup it restores from before it began.
 */
@Component
public class ContainmentVerification {

    private final Policies policies;
    private final Backups backups;
    private final VerifyJob verify;

    ContainmentVerification(Policies policies, Backups backups, VerifyJob verify) {
        this.policies = policies;
        this.backups = backups;
        this.verify = verify;
    }

    public void verifyNewestBackups(IncidentContainedEvent contained) {
        if (contained.targets().drill()) {
            return;
        }
        for (String database : policies.all().keySet()) {
            backups.list(new BackupFilter(database, "COMPLETED", null, null, 1)).forEach(newest ->
                    verify.start(newest.backupId(), "containment of incident " + contained.incidentId()));
        }
    }
}
