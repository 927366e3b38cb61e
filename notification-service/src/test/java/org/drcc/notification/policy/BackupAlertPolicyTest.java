package org.drcc.notification.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.drcc.contract.backup.BackupCopyAbandonedEvent;
import org.drcc.contract.backup.BackupCopyFailedEvent;
import org.drcc.contract.backup.RetentionHaltedEvent;
import org.junit.jupiter.api.Test;

class BackupAlertPolicyTest {

    private static final RetentionHaltedEvent HALTED = new RetentionHaltedEvent("b-42", "foodtruck",
            "the clock went back", Instant.parse("2026-11-25T11:00:00Z"), Instant.parse("2026-11-25T12:00:00Z"),
            "scheduler", Instant.parse("2026-11-25T11:00:00Z"));

    @Test
    void aHaltedRetentionIsAnAlertToTheOwnersWithWhyAndBothInstants() {
        assertThat(BackupAlertPolicy.kind(HALTED)).contains("retention-halted");
        assertThat(BackupAlertPolicy.values(HALTED)).containsEntry("database", "foodtruck")
                .containsEntry("backupId", "b-42").containsEntry("reason", "the clock went back")
                .containsEntry("clockAt", Instant.parse("2026-11-25T11:00:00Z"))
                .containsEntry("referenceAt", Instant.parse("2026-11-25T12:00:00Z"))
                .containsEntry("actor", "scheduler");
    }

    private final BackupCopyAbandonedEvent abandoned = new BackupCopyAbandonedEvent("b-1", "foodtruck", "tertiary",
            "dr-backups-tertiary", 5, "NoSuchBucket: the bucket does not exist", "scheduler",
            Instant.parse("2026-11-30T08:00:00Z"));

    @Test
    void alertsTheOwnersWhenATierCopyIsGivenUpButNotForEachFailedAttempt() {
        assertThat(BackupAlertPolicy.kind(abandoned)).contains("backup-copy-abandoned");
        assertThat(BackupAlertPolicy.kind(new BackupCopyFailedEvent("b-1", "foodtruck", "tertiary",
                "dr-backups-tertiary", "timeout", "scheduler", Instant.EPOCH))).isEmpty();
    }

    @Test
    void theAlertCarriesTheTierApartFromTheMessagesOwnTier() {
        assertThat(BackupAlertPolicy.values(abandoned)).containsEntry("copyTier", "tertiary")
                .containsEntry("bucket", "dr-backups-tertiary").containsEntry("attempts", 5)
                .containsEntry("lastCause", "NoSuchBucket: the bucket does not exist")
                .doesNotContainKey("tier");
    }
}
