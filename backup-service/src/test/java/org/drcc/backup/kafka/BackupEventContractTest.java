package org.drcc.backup.kafka;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.drcc.contract.backup.BackupCompletedEvent;
import org.drcc.contract.backup.BackupCopiedEvent;
import org.drcc.contract.backup.BackupCopyAbandonedEvent;
import org.drcc.contract.backup.BackupCopyFailedEvent;
import org.drcc.contract.backup.BackupEncryptedEvent;
import org.drcc.contract.backup.BackupEvent;
import org.drcc.contract.backup.BackupExpiredEvent;
import org.drcc.contract.backup.BackupFailedEvent;
import org.drcc.contract.backup.BackupImportedEvent;
import org.drcc.contract.backup.BackupReconciledEvent;
import org.drcc.contract.backup.BackupRestoreFailedEvent;
import org.drcc.contract.backup.BackupRestoreStartedEvent;
import org.drcc.contract.backup.BackupRestoredEvent;
import org.drcc.contract.backup.BackupStartedEvent;
import org.drcc.contract.backup.BackupVerificationFailedEvent;
import org.drcc.contract.backup.BackupVerifiedEvent;
import org.drcc.contract.backup.BaseBackupCompletedEvent;
import org.drcc.contract.backup.BaseBackupExpiredEvent;
import org.drcc.contract.backup.BaseBackupFailedEvent;
import org.drcc.contract.backup.BaseBackupStartedEvent;
import org.drcc.contract.backup.PointInTimeRestoreFailedEvent;
import org.drcc.contract.backup.PointInTimeRestoreStartedEvent;
import org.drcc.contract.backup.PointInTimeRestoredEvent;
import org.drcc.contract.backup.RetentionHaltedEvent;
import org.drcc.contract.backup.RpoAtRiskEvent;
import org.drcc.contract.backup.RpoRecoveredEvent;
import org.drcc.contract.backup.TableChecksum;
import org.drcc.contract.backup.WalArchiveLagEvent;
import org.drcc.testsupport.ContractSnapshots;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.json.JsonTest;

/** The JSON of each backup event on {@code dr.backup.events} is a public contract: these snapshots fail when it changes. */
@JsonTest
class BackupEventContractTest {

    private static final String ID = "0c1d2e3f-0000-4000-8000-000000000016";
    private static final String KEY = "foodtruck/2026-11-25T09-40-00Z_" + ID + ".dump";
    private static final Instant AT = Instant.parse("2026-11-25T10:05:00Z");
    private static final Instant POINT = Instant.parse("2026-11-25T09:40:00Z");

    private static final List<BackupEvent> SAMPLES = List.of(
            new BackupStartedEvent(ID, "foodtruck", "dr-backups-primary", KEY, "dana", AT),
            new BackupCompletedEvent(ID, "foodtruck", "dr-backups-primary", KEY, 123456L, "ab12", "15.4", POINT,
                    Duration.ofSeconds(42), List.of(new TableChecksum("public.customer", 300, "cd34")), "dana", AT),
            new BackupFailedEvent(ID, "foodtruck", "pg_dump: connection refused", "dana", AT),
            new BackupCopiedEvent(ID, "foodtruck", "secondary", "dr-backups-secondary", KEY, "ab12", "dana", AT),
            new BackupCopyFailedEvent(ID, "foodtruck", "tertiary", "dr-backups-tertiary", "read back ef56", "dana", AT),
            new BackupCopyAbandonedEvent(ID, "foodtruck", "tertiary", "dr-backups-tertiary", 5, "read back ef56",
                    "scheduler", AT),
            new BackupVerifiedEvent(ID, "foodtruck", "verify_0c1d2e3f", 8, "scheduler", AT),
            new BackupVerificationFailedEvent(ID, "foodtruck", "table-checksum", "public.customer: md5 differs",
                    "scheduler", AT),
            new BackupExpiredEvent(ID, "foodtruck", "no retention rule keeps it (30 daily, 12 weekly, 12 monthly)",
                    "retention", AT),
            new BackupRestoreStartedEvent(ID, "foodtruck", "r-7", "foodtruck_restored", false, POINT, "dana", AT),
            new BackupRestoredEvent(ID, "foodtruck", "r-7", "foodtruck_restored", POINT,
                    "secondary s3://dr-backups-secondary/foodtruck/2026-11-25T09-40-00Z_" + ID + ".dump",
                    List.of("primary s3://dr-backups-primary/foodtruck/2026-11-25T09-40-00Z_" + ID + ".dump: unreachable"),
                    "dana", AT),
            new BackupRestoreFailedEvent(ID, "foodtruck", "r-7", "foodtruck_restored", "pg_restore exited 1", "dana",
                    AT),
            new RpoAtRiskEvent(ID, "foodtruck", POINT, Duration.ofHours(1), Duration.ofMinutes(85), "backup-service",
                    AT),
            new RpoRecoveredEvent(ID, "foodtruck", POINT, Duration.ofHours(1), "backup-service", AT),
            new RetentionHaltedEvent(ID, "foodtruck", "the clock went back: it reads 2026-11-25T10:05:00Z, but the "
                    + "newest backup completed at 2026-11-25T12:00:00Z, more than PT5M later", AT,
                    Instant.parse("2026-11-25T12:00:00Z"), "scheduler", AT),
            new BackupImportedEvent(ID, "foodtruck", "tertiary", "dr-backups-tertiary", KEY, 123456L, "ab12", "15.4",
                    POINT.minusSeconds(1), POINT.plusSeconds(42), POINT,
                    List.of(new TableChecksum("public.customer", 300, "cd34")), "VERIFIED", null,
                    "8 tables match the manifest", AT, null, "dana", AT.plusSeconds(3600)),
            new BackupEncryptedEvent(ID, "foodtruck", "2026-q4", "AES256_GCM_HKDF_1MB", "dana", AT),
            new BaseBackupStartedEvent(ID, "foodtruck", "protected", "full", List.of("primary", "secondary", "tertiary"),
                    "7715760711340772515", "7715760692367068286", "rita", AT),
            new BaseBackupCompletedEvent(ID, "foodtruck", "protected", "20261125-094000F", "full", POINT,
                    POINT.plusSeconds(9), 23025326L, 3061184L, "000000010000000000000005", "000000010000000000000005",
                    "primary", "scheduler", AT),
            new BaseBackupFailedEvent(ID, "foodtruck", "protected", "tertiary",
                    "pgbackrest backup exited with 49: ERROR: [049]: unable to get info for path/file", "scheduler", AT),
            new BaseBackupExpiredEvent(ID, "foodtruck", "protected", "20261025-094000F", "secondary",
                    "no retention rule keeps it (30 daily, 12 weekly, 12 monthly)", "scheduler", AT),
            new WalArchiveLagEvent("foodtruck", "protected", true, "00000001000000000000002A", POINT,
                    Duration.ofMinutes(25), Duration.ofMinutes(5), "backup-service", AT),
            new PointInTimeRestoreStartedEvent("r-8", "foodtruck", "foodtruck_0907", POINT.minusSeconds(1), false,
                    "dana", AT),
            new PointInTimeRestoredEvent("r-8", "foodtruck", "foodtruck_0907", POINT.minusSeconds(1),
                    Instant.parse("2026-11-25T09:39:58.812345Z"), "20261125-020000F", "secondary", 8, 10342L, 5,
                    List.of("customer e-mail addresses are addresses (3 rows)"), "dana", AT),
            new PointInTimeRestoreFailedEvent("r-8", "foodtruck", "foodtruck_0907", POINT.minusSeconds(1),
                    "pgbackrest restore exited with 75: ERROR: [075]: no backup set found to restore", "dana", AT),
            new BackupReconciledEvent(ID, "backup", "tertiary", "dr-backups-tertiary", KEY + ".catalog.json", "ab12",
                    "VERIFIED", "backup-service", AT));

    @Autowired
    ObjectMapper json;

    @Test
    void everyEventTypeSerialisesExactlyAsItsSnapshot() throws Exception {
        ContractSnapshots.check(json, BackupEvent.class, SAMPLES);
    }
}
