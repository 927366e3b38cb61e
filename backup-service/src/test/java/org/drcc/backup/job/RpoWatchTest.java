package org.drcc.backup.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.drcc.backup.query.BackupSummary;
import org.junit.jupiter.api.Test;

class RpoWatchTest {

    private static final Instant T = Instant.parse("2026-11-30T08:00:00Z");

    private static BackupSummary backup(String id, int hoursAgo, String verification) {
        Instant at = T.minusSeconds(3600L * hoursAgo);
        return new BackupSummary(id, "foodtruck", "COMPLETED", "scheduler", "dr-backups-primary", "k/" + id, at, at, at,
                1000L, 10L, "sha", "15", null, verification, null, null, null, null, null, null);
    }

    @Test
    void theNewestGoodBackupIsTheNewestVerifiedOneNotTheNewestCompleted() {
        assertThat(RpoWatch.newestGood(List.of(backup("unproved", 1, "UNVERIFIED"), backup("bad", 2, "FAILED"),
                backup("proved", 3, "VERIFIED"), backup("older", 4, "VERIFIED"))))
                .map(BackupSummary::backupId).contains("proved");
    }

    @Test
    void aDatabaseWhoseBackupsAreNotYetVerifiedHasNoGoodBackup() {
        assertThat(RpoWatch.newestGood(List.of(backup("unproved", 1, "UNVERIFIED"), backup("bad", 2, "FAILED"))))
                .isEmpty();
    }
}
