package org.drcc.backup.kafka;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.drcc.contract.backup.BackupCompletedEvent;
import org.drcc.contract.backup.BackupCopiedEvent;
import org.drcc.contract.backup.BackupCopyFailedEvent;
import org.drcc.contract.backup.BackupEvent;
import org.drcc.contract.backup.BackupExpiredEvent;
import org.drcc.contract.backup.BackupFailedEvent;
import org.drcc.contract.backup.BackupImportedEvent;
import org.drcc.contract.backup.BackupRestoreFailedEvent;
import org.drcc.contract.backup.BackupRestoreStartedEvent;
import org.drcc.contract.backup.BackupRestoredEvent;
import org.drcc.contract.backup.BackupStartedEvent;
import org.drcc.contract.backup.BackupVerificationFailedEvent;
import org.drcc.contract.backup.BackupVerifiedEvent;
import org.drcc.contract.backup.RpoAtRiskEvent;
import org.drcc.contract.backup.RpoRecoveredEvent;
import org.drcc.contract.backup.TableChecksum;
import org.drcc.testsupport.ContractSnapshots;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.json.JsonTest;

/** The JSON of each backup event on {@code dr.backup.events} is a public contract: these snapshots fail when it changes. */
@JsonTest
class BackupEventContractTest {

    private static final String ID = "3f1d7a22-0000-4000-8000-000000000016";
    private static final String KEY = "foodtruck/2026-11-30T08-00-00Z_" + ID + ".dump";
    private static final Instant AT = Instant.parse("2026-11-30T08:05:00Z");
    private static final Instant POINT = Instant.parse("2026-11-30T08:00:00Z");

    private static final List<BackupEvent> SAMPLES = List.of(
            new BackupStartedEvent(ID, "foodtruck", "dr-backups-primary", KEY, "scheduler", POINT),
            new BackupCompletedEvent(ID, "foodtruck", "dr-backups-primary", KEY, 5_242_880, "ab12", "15.8", POINT,
                    Duration.ofSeconds(42), List.of(new TableChecksum("public.truck", 20, "9e107d9d")), "scheduler", AT),
            new BackupFailedEvent(ID, "foodtruck", "pg_dump exited with 1", "scheduler", AT),
            new BackupCopiedEvent(ID, "foodtruck", "secondary", "dr-backups-secondary", KEY, "ab12", "scheduler", AT),
            new BackupCopyFailedEvent(ID, "foodtruck", "tertiary", "dr-backups-tertiary", "NoSuchBucket", "scheduler",
                    AT),
            new BackupVerifiedEvent(ID, "foodtruck", "dr_verify_0123456789abcdef", 8, "scheduler", AT),
            new BackupVerificationFailedEvent(ID, "foodtruck", "sha256", "the object was altered", "scheduler", AT),
            new BackupExpiredEvent(ID, "foodtruck", "kept by no rule", "retention", AT),
            new BackupRestoreStartedEvent(ID, "foodtruck", "r-1", "foodtruck_clean", false, POINT, "dana", AT),
            new BackupRestoredEvent(ID, "foodtruck", "r-1", "foodtruck_clean", POINT, "dana", AT),
            new BackupRestoreFailedEvent(ID, "foodtruck", "r-1", "foodtruck_clean", "pg_restore exited with 1", "dana",
                    AT),
            new RpoAtRiskEvent(ID, "foodtruck", POINT, Duration.ofHours(1), Duration.ofMinutes(65), "backup-service",
                    AT),
            new RpoRecoveredEvent(ID, "foodtruck", POINT, Duration.ofHours(1), "backup-service", AT),
            new BackupImportedEvent(ID, "foodtruck", "tertiary", "dr-backups-tertiary", KEY, 5_242_880, "ab12", "15.8",
                    POINT.minusSeconds(1), POINT.plusSeconds(42), POINT,
                    List.of(new TableChecksum("public.truck", 20, "9e107d9d")), "VERIFIED", null,
                    "8 tables match the manifest", AT, null, "dana", AT.plusSeconds(3600)));

    @Autowired
    ObjectMapper json;

    @Test
    void everyEventTypeSerialisesExactlyAsItsSnapshot() throws Exception {
        ContractSnapshots.check(json, BackupEvent.class, SAMPLES);
    }
}
