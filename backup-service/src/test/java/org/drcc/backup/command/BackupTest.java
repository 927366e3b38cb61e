package org.drcc.backup.command;

import static org.hamcrest.Matchers.containsString;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.drcc.contract.backup.BackupCompletedEvent;
import org.drcc.contract.backup.BackupCopiedEvent;
import org.drcc.contract.backup.BackupCopyAbandonedEvent;
import org.drcc.contract.backup.BackupCopyFailedEvent;
import org.drcc.contract.backup.BackupExpiredEvent;
import org.drcc.contract.backup.BackupEncryptedEvent;
import org.drcc.contract.backup.BackupFailedEvent;
import org.drcc.contract.backup.BackupReconciledEvent;
import org.drcc.contract.backup.BackupRestoreStartedEvent;
import org.drcc.contract.backup.BackupRestoredEvent;
import org.drcc.contract.backup.BackupStartedEvent;
import org.drcc.contract.backup.BackupVerificationFailedEvent;
import org.drcc.contract.backup.BackupVerifiedEvent;
import org.drcc.contract.backup.TableChecksum;
import org.drcc.kit.rules.RuleRefusedException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BackupTest {

    private static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");
    private static final Instant T1 = T0.plusSeconds(20);
    private static final String KEY = "foodtruck/2026-11-25T10-00-00Z_b-1.dump";
    private static final List<TableChecksum> TABLES = List.of(new TableChecksum("public.truck", 20, "abc"));

    private AggregateTestFixture<Backup> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Backup.class);
    }

    private static BackupStartedEvent started() {
        return new BackupStartedEvent("b-1", "foodtruck", "dr-backups-primary", KEY, "alice", T0);
    }

    private static BackupCompletedEvent completed() {
        return new BackupCompletedEvent("b-1", "foodtruck", "dr-backups-primary", KEY, 1234, "sha", "15.19", T0,
                Duration.ofSeconds(20), TABLES, "alice", T1);
    }

    private static BackupVerifiedEvent verified() {
        return new BackupVerifiedEvent("b-1", "foodtruck", "dr_verify_x", 1, "bob", T1);
    }

    @Test
    void canStartABackup() {
        fixture.givenNoPriorActivity()
                .when(new StartBackupCommand("b-1", "foodtruck", "dr-backups-primary", KEY, "alice", T0))
                .expectEvents(started());
    }

    @Test
    void canCompleteARunningBackupWithWhatWasMeasured() {
        fixture.given(started())
                .when(new CompleteBackupCommand("b-1", 1234, "sha", "15.19", T0, Duration.ofSeconds(20), TABLES, T1, null, null))
                .expectEvents(completed());
    }

    @Test
    void canCompleteAnEncryptedBackupNamingItsKeyIdFirst() {
        fixture.given(started())
                .when(new CompleteBackupCommand("b-1", 1234, "sha", "15.19", T0, Duration.ofSeconds(20), TABLES, T1,
                        "2026-q4", "AES256_GCM_HKDF_1MB"))
                .expectEvents(new BackupEncryptedEvent("b-1", "foodtruck", "2026-q4", "AES256_GCM_HKDF_1MB", "alice", T1),
                        completed());
    }

    @Test
    void canReconcileABackupLeftRunningFromItsCatalogueObjectAsCompletedCopiedAndVerified() {
        Instant verifiedAt = T1.plusSeconds(30);
        String catalogue = KEY + ".catalog.json";
        fixture.given(started())
                .when(new ReconcileBackupCommand("b-1", "tertiary", "dr-backups-tertiary", catalogue, KEY, 1234, "sha",
                        "15.19", T0, T1, T0, TABLES,
                        new ImportBackupCommand.RecordedVerification("VERIFIED", null, "1 tables match the manifest", verifiedAt),
                        List.of(new ReconcileBackupCommand.RecordedCopy("primary", "dr-backups-primary", T1),
                                new ReconcileBackupCommand.RecordedCopy("tertiary", "dr-backups-tertiary", T1)),
                        null, null, "backup-service", T1.plusSeconds(3600)))
                .expectEvents(new BackupReconciledEvent("b-1", "foodtruck", "tertiary", "dr-backups-tertiary", catalogue,
                                "sha", "VERIFIED", "backup-service", T1.plusSeconds(3600)),
                        completed(),
                        new BackupCopiedEvent("b-1", "foodtruck", "tertiary", "dr-backups-tertiary", KEY, "sha", "alice", T1),
                        new BackupVerifiedEvent("b-1", "foodtruck", "(as recorded in " + catalogue + ")", 1, "alice",
                                verifiedAt));
    }

    @Test
    void cannotReconcileABackupThatIsNotRunning() {
        fixture.given(started(), completed())
                .when(new ReconcileBackupCommand("b-1", "tertiary", "dr-backups-tertiary", KEY + ".catalog.json", KEY, 1234,
                        "sha", "15.19", T0, T1, T0, TABLES,
                        new ImportBackupCommand.RecordedVerification("UNVERIFIED", null, null, null), List.of(), null, null,
                        "backup-service", T1))
                .expectException(RuleRefusedException.class);
    }

    @Test
    void cannotCompleteAFailedBackup() {
        fixture.given(started(), new BackupFailedEvent("b-1", "foodtruck", "pg_dump exited with 1", "alice", T1))
                .when(new CompleteBackupCommand("b-1", 1234, "sha", "15.19", T0, Duration.ofSeconds(20), TABLES, T1, null, null))
                .expectException(RuleRefusedException.class)
                .expectNoEvents();
    }

    @Test
    void canFailARunningBackupWithItsCause() {
        fixture.given(started())
                .when(new FailBackupCommand("b-1", "S3 unreachable", T1))
                .expectEvents(new BackupFailedEvent("b-1", "foodtruck", "S3 unreachable", "alice", T1));
    }

    @Test
    void cannotFailACompletedBackup() {
        fixture.given(started(), completed())
                .when(new FailBackupCommand("b-1", "late", T1))
                .expectException(RuleRefusedException.class);
    }

    @Test
    void canRecordATierCopyWithTheBackupsChecksum() {
        fixture.given(started(), completed())
                .when(new RecordTierCopyCommand("b-1", "secondary", "dr-backups-secondary", KEY, 1, "sha", null, T1))
                .expectEvents(new BackupCopiedEvent("b-1", "foodtruck", "secondary", "dr-backups-secondary", KEY, "sha",
                        "alice", T1));
    }

    @Test
    void cannotCountACopyWithAnotherChecksumAsCopied() {
        fixture.given(started(), completed())
                .when(new RecordTierCopyCommand("b-1", "tertiary", "dr-backups-tertiary", KEY, 1, "other", null, T1))
                .expectEvents(new BackupCopyFailedEvent("b-1", "foodtruck", "tertiary", "dr-backups-tertiary",
                        "the copy reads back with SHA-256 other, the backup has sha", "alice", T1));
    }

    @Test
    void cannotCopyARunningBackup() {
        fixture.given(started())
                .when(new RecordTierCopyCommand("b-1", "secondary", "dr-backups-secondary", KEY, 1, "sha", null, T1))
                .expectException(RuleRefusedException.class);
    }

    private static BackupCopyFailedEvent tertiaryFailed(String cause, Instant at) {
        return new BackupCopyFailedEvent("b-1", "foodtruck", "tertiary", "dr-backups-tertiary", cause, "alice", at);
    }

    private static RecordTierCopyCommand tertiaryAttempt(int attempt, String readBack, String cause) {
        return new RecordTierCopyCommand("b-1", "tertiary", "dr-backups-tertiary", KEY, attempt, readBack, cause, T1);
    }

    @Test
    void canRecordARetryThatSucceedsAfterFailedAttempts() {
        fixture.given(started(), completed(), tertiaryFailed("NoSuchBucket", T0), tertiaryFailed("NoSuchBucket", T1))
                .when(tertiaryAttempt(3, "sha", null))
                .expectEvents(new BackupCopiedEvent("b-1", "foodtruck", "tertiary", "dr-backups-tertiary", KEY, "sha",
                        "alice", T1));
    }

    @Test
    void cannotCountTheSameFailedAttemptTwiceWhenTwoInstancesRetryAtOnce() {
        fixture.given(started(), completed(), tertiaryFailed("NoSuchBucket", T0), tertiaryFailed("NoSuchBucket", T1))
                .when(tertiaryAttempt(2, null, "NoSuchBucket"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void cannotRecordACopyTwice() {
        fixture.given(started(), completed(), new BackupCopiedEvent("b-1", "foodtruck", "tertiary",
                        "dr-backups-tertiary", KEY, "sha", "alice", T0))
                .when(tertiaryAttempt(1, "sha", null))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void canGiveUpACopyOnceItsAttemptsAreSpentNamingTheLastCause() {
        fixture.given(started(), completed(), tertiaryFailed("timeout", T0), tertiaryFailed("NoSuchBucket", T1))
                .when(new AbandonTierCopyCommand("b-1", "tertiary", 2, "scheduler", T1))
                .expectEvents(new BackupCopyAbandonedEvent("b-1", "foodtruck", "tertiary", "dr-backups-tertiary", 2,
                        "NoSuchBucket", "scheduler", T1));
    }

    @Test
    void cannotGiveUpACopyTwice() {
        fixture.given(started(), completed(), tertiaryFailed("NoSuchBucket", T0), new BackupCopyAbandonedEvent("b-1",
                        "foodtruck", "tertiary", "dr-backups-tertiary", 1, "NoSuchBucket", "scheduler", T1))
                .when(new AbandonTierCopyCommand("b-1", "tertiary", 1, "scheduler", T1))
                .expectException(RuleRefusedException.class)
                .expectExceptionMessage(containsString("already given up"))
                .expectNoEvents();
    }

    @Test
    void cannotGiveUpACopyBeforeItsAttemptsAreSpent() {
        fixture.given(started(), completed(), tertiaryFailed("NoSuchBucket", T0))
                .when(new AbandonTierCopyCommand("b-1", "tertiary", 5, "scheduler", T1))
                .expectException(RuleRefusedException.class)
                .expectExceptionMessage(containsString("failed 1 of 5 attempts"))
                .expectNoEvents();
    }

    @Test
    void cannotGiveUpACopyThatWasMade() {
        fixture.given(started(), completed(), tertiaryFailed("NoSuchBucket", T0), new BackupCopiedEvent("b-1",
                        "foodtruck", "tertiary", "dr-backups-tertiary", KEY, "sha", "alice", T1))
                .when(new AbandonTierCopyCommand("b-1", "tertiary", 1, "scheduler", T1))
                .expectException(RuleRefusedException.class)
                .expectNoEvents();
    }

    @Test
    void canStillRecordACopyMadeAfterItWasGivenUp() {
        fixture.given(started(), completed(), tertiaryFailed("NoSuchBucket", T0), new BackupCopyAbandonedEvent("b-1",
                        "foodtruck", "tertiary", "dr-backups-tertiary", 1, "NoSuchBucket", "scheduler", T1))
                .when(tertiaryAttempt(2, "sha", null))
                .expectEvents(new BackupCopiedEvent("b-1", "foodtruck", "tertiary", "dr-backups-tertiary", KEY, "sha",
                        "alice", T1));
    }

    @Test
    void canRecordAVerificationAndAFailedOneWithItsCheck() {
        fixture.given(started(), completed())
                .when(new RecordVerificationCommand("b-1", "dr_verify_x", 1, null, null, "bob", T1))
                .expectEvents(new BackupVerifiedEvent("b-1", "foodtruck", "dr_verify_x", 1, "bob", T1));
        fixture.given(started(), completed())
                .when(new RecordVerificationCommand("b-1", "dr_verify_x", 1, "sha256", "altered", "bob", T1))
                .expectEvents(new BackupVerificationFailedEvent("b-1", "foodtruck", "sha256", "altered", "bob", T1));
    }

    @Test
    void canRestoreIntoANewDatabaseFromItsRestorePoint() {
        fixture.given(started(), completed(), verified())
                .when(new StartRestoreCommand("b-1", "r-1", "foodtruck_copy", false, false, "bob", T1))
                .expectEvents(new BackupRestoreStartedEvent("b-1", "foodtruck", "r-1", "foodtruck_copy", false, T0,
                        "bob", T1));
    }

    @Test
    void cannotRestoreOverTheProtectedDatabaseWithoutConfirmation() {
        fixture.given(started(), completed(), verified())
                .when(new StartRestoreCommand("b-1", "r-1", "foodtruck", true, false, "bob", T1))
                .expectException(RuleRefusedException.class)
                .expectExceptionMessage(containsString("confirmation"))
                .expectNoEvents();
    }

    @Test
    void cannotRestoreABackupNeverVerified() {
        fixture.given(started(), completed())
                .when(new StartRestoreCommand("b-1", "r-1", "foodtruck_copy", false, false, "bob", T1))
                .expectException(RuleRefusedException.class)
                .expectExceptionMessage(containsString("verify it first"))
                .expectNoEvents();
    }

    @Test
    void canRestoreOverTheProtectedDatabaseWhenConfirmed() {
        fixture.given(started(), completed(), verified())
                .when(new StartRestoreCommand("b-1", "r-1", "foodtruck", true, true, "bob", T1))
                .expectEvents(new BackupRestoreStartedEvent("b-1", "foodtruck", "r-1", "foodtruck", true, T0, "bob", T1));
    }

    @Test
    void cannotRestoreABackupThatFailedVerification() {
        fixture.given(started(), completed(),
                        new BackupVerificationFailedEvent("b-1", "foodtruck", "sha256", "altered", "bob", T1))
                .when(new StartRestoreCommand("b-1", "r-1", "foodtruck_copy", false, false, "bob", T1))
                .expectException(RuleRefusedException.class)
                .expectExceptionMessage(containsString("sha256"));
    }

    @Test
    void canCompleteARestoreWithItsTargetAndRestorePoint() {
        fixture.given(started(), completed(),
                        new BackupRestoreStartedEvent("b-1", "foodtruck", "r-1", "foodtruck_copy", false, T0, "bob", T1))
                .when(new CompleteRestoreCommand("b-1", "r-1", "secondary s3://s/k", List.of("primary s3://p/k: gone"), T1))
                .expectEvents(new BackupRestoredEvent("b-1", "foodtruck", "r-1", "foodtruck_copy", T0, "secondary s3://s/k",
                        List.of("primary s3://p/k: gone"), "alice", T1));
    }

    @Test
    void cannotCompleteARestoreThatNeverStarted() {
        fixture.given(started(), completed())
                .when(new CompleteRestoreCommand("b-1", "r-9", null, List.of(), T1))
                .expectException(RuleRefusedException.class);
    }

    @Test
    void canExpireACompletedBackup() {
        fixture.given(started(), completed())
                .when(new ExpireBackupCommand("b-1", "no retention rule keeps it", T1))
                .expectEvents(new BackupExpiredEvent("b-1", "foodtruck", "no retention rule keeps it", "retention", T1));
    }

    @Test
    void cannotExpireARunningBackupNorOneBeingRestored() {
        fixture.given(started())
                .when(new ExpireBackupCommand("b-1", "old", T1))
                .expectException(RuleRefusedException.class);
        fixture.given(started(), completed(),
                        new BackupRestoreStartedEvent("b-1", "foodtruck", "r-1", "foodtruck_copy", false, T0, "bob", T1))
                .when(new ExpireBackupCommand("b-1", "old", T1))
                .expectException(RuleRefusedException.class);
    }
}
