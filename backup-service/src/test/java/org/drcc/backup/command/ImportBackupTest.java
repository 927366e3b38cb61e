package org.drcc.backup.command;

import static org.hamcrest.Matchers.containsString;

import java.time.Instant;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.drcc.contract.backup.BackupImportedEvent;
import org.drcc.contract.backup.BackupRestoreStartedEvent;
import org.drcc.contract.backup.BackupStartedEvent;
import org.drcc.contract.backup.TableChecksum;
import org.drcc.kit.rules.RuleRefusedException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A backup known again from a tier's catalogue object: once, as the catalogue recorded it, restorable if verified. */
class ImportBackupTest {

    private static final Instant SNAPSHOT = Instant.parse("2026-11-25T10:00:00Z");
    private static final Instant VERIFIED_AT = Instant.parse("2026-11-25T10:05:00Z");
    private static final Instant NOW = Instant.parse("2026-11-30T08:00:00Z");
    private static final String KEY = "foodtruck/2026-11-25T10-00-00Z_b-1.dump";
    private static final List<TableChecksum> TABLES = List.of(new TableChecksum("public.truck", 20, "abc"));

    private AggregateTestFixture<Backup> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Backup.class);
    }

    private static ImportBackupCommand importCommand(String status, String check) {
        return new ImportBackupCommand("b-1", "foodtruck", "tertiary", "dr-backups-tertiary", KEY, 1234, "sha", "15.8",
                SNAPSHOT.minusSeconds(1), SNAPSHOT.plusSeconds(20), SNAPSHOT, TABLES,
                new ImportBackupCommand.RecordedVerification(status, check, "1 tables match the manifest", VERIFIED_AT),
                null, "dana", NOW);
    }

    private static BackupImportedEvent imported(String status, String check) {
        return new BackupImportedEvent("b-1", "foodtruck", "tertiary", "dr-backups-tertiary", KEY, 1234, "sha", "15.8",
                SNAPSHOT.minusSeconds(1), SNAPSHOT.plusSeconds(20), SNAPSHOT, TABLES, status, check,
                "1 tables match the manifest", VERIFIED_AT, null, "dana", NOW);
    }

    @Test
    void canImportABackupWithTheFactsOfItsCatalogue() {
        fixture.givenNoPriorActivity()
                .when(importCommand("VERIFIED", null))
                .expectEvents(imported("VERIFIED", null));
    }

    @Test
    void cannotImportTwice() {
        fixture.given(imported("VERIFIED", null))
                .when(importCommand("VERIFIED", null))
                .expectException(RuleRefusedException.class)
                .expectExceptionMessage(containsString("known already"))
                .expectNoEvents();
    }

    @Test
    void cannotImportABackupTakenHere() {
        fixture.given(new BackupStartedEvent("b-1", "foodtruck", "dr-backups-primary", KEY, "alice", SNAPSHOT))
                .when(importCommand("VERIFIED", null))
                .expectException(RuleRefusedException.class)
                .expectNoEvents();
    }

    @Test
    void canRestoreAnImportedVerifiedBackupFromItsRestorePoint() {
        fixture.given(imported("VERIFIED", null))
                .when(new StartRestoreCommand("b-1", "r-1", "foodtruck_dr", false, false, "dana", NOW))
                .expectEvents(new BackupRestoreStartedEvent("b-1", "foodtruck", "r-1", "foodtruck_dr", false, SNAPSHOT,
                        "dana", NOW));
    }

    @Test
    void cannotRestoreAnImportedBackupWhoseRecordedVerificationFailed() {
        fixture.given(imported("FAILED", "table-checksum"))
                .when(new StartRestoreCommand("b-1", "r-1", "foodtruck_dr", false, false, "dana", NOW))
                .expectException(RuleRefusedException.class)
                .expectExceptionMessage(containsString("table-checksum"));
    }
}
