package org.drcc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code --wait} follows a backup, a verification or a restore until it ends and exits with its result, against a
 * stand-in backup-service whose job ends after a few reads (no suite running; the suite's own is in OperatorIT).
 */
class BackupWaitCommandTest {

    private final AtomicInteger reads = new AtomicInteger();
    private volatile String outcome = "COMPLETED";
    private int lastExit;
    private StandIn backupService;
    /** What the stand-in's acceptance adds: nothing, as a service before it named the tiers. */
    private volatile String tiersNamed = "";
    private volatile String posted;

    @BeforeEach
    void start() throws IOException {
        backupService = new StandIn(exchange -> {
            String path = exchange.getRequestURI().getPath();
            boolean post = exchange.getRequestMethod().equals("POST");
            boolean done = reads.get() >= 3;
            if (path.equals("/api/base-backups")) {
                if (post) {
                    posted = new String(exchange.getRequestBody().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                    StandIn.answer(exchange, 202, "{\"backupId\":\"bb-1\",\"database\":\"foodtruck\"" + tiersNamed
                            + "}");
                    return;
                }
                reads.incrementAndGet();
                String tertiary = "COMPLETED".equals(outcome) ? "{\"backupId\":\"bb-1\",\"repository\":\"tertiary\","
                        + "\"status\":\"COMPLETED\"}" : "{\"backupId\":\"bb-1\",\"repository\":\"tertiary\","
                        + "\"status\":\"FAILED\",\"failure\":\"pgbackrest backup exited with 49\"}";
                StandIn.answer(exchange, 200, "[{\"backupId\":\"bb-0\",\"repository\":\"primary\",\"status\":\"COMPLETED\"},"
                        + "{\"backupId\":\"bb-1\",\"repository\":\"primary\",\"status\":\"COMPLETED\"}"
                        + (done ? ",{\"backupId\":\"bb-1\",\"repository\":\"secondary\",\"status\":\"COMPLETED\"},"
                        + tertiary : "") + "]");
                return;
            }
            if (post && path.endsWith("/restore")) {
                StandIn.answer(exchange, 202, "{\"restoreId\":\"r-1\",\"backupId\":\"b-7\",\"targetDatabase\":\"foodtruck_copy\"}");
            } else if (post && path.endsWith("/verify")) {
                StandIn.answer(exchange, 202, "{\"backupId\":\"b-7\",\"verification\":\"VERIFIED\","
                        + "\"verifiedAt\":\"2026-11-01T00:00:00Z\"}");
            } else if (post) {
                StandIn.answer(exchange, 202, "{\"backupId\":\"b-7\",\"database\":\"foodtruck\",\"status\":\"RUNNING\"}");
            } else {
                reads.incrementAndGet();
                StandIn.answer(exchange, 200, "{\"backupId\":\"b-7\",\"database\":\"foodtruck\",\"status\":\""
                        + (done ? outcome : "RUNNING") + "\",\"sizeBytes\":" + (done ? "5242880" : "null")
                        + ",\"failure\":\"pg_dump exited 1\",\"verification\":\"" + (done ? "FAILED" : "VERIFIED")
                        + "\",\"verificationCheck\":\"row counts\",\"verificationDetail\":\"customer: 10 rows, manifest 11\""
                        + ",\"verifiedAt\":\"" + (done ? "2026-11-30T10:00:00Z" : "2026-11-01T00:00:00Z") + "\""
                        + ",\"restores\":[{\"restoreId\":\"r-1\",\"status\":\"" + (done ? "RESTORED" : "RUNNING") + "\"}]}");
            }
        });
    }

    @AfterEach
    void stop() {
        backupService.close();
    }

    @Test
    void nowWaitFollowsTheBackupToItsEndWithItsSize() {
        String printed = captured("backup", "now", "--wait");
        assertThat(lastExit).isZero();
        assertThat(printed).contains("backupId").contains("b-7").contains("RUNNING").contains("COMPLETED")
                .contains("5.0 MB").containsPattern("\\[00:0\\d\\] COMPLETED");
        assertThat(reads.get()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void aFailedBackupExits6WithItsReason() {
        outcome = "FAILED";
        String printed = captured("backup", "now", "--wait");
        assertThat(lastExit).isEqualTo(6);
        assertThat(printed).contains("FAILED");
    }

    @Test
    void verifyWaitEndsWithTheNewVerificationNotTheOldOne() {
        String printed = captured("backup", "verify", "b-7", "--wait");
        assertThat(lastExit).isEqualTo(6);
        assertThat(printed).contains("VERIFYING").contains("FAILED");
        assertThat(reads.get()).as("the old VERIFIED did not end the wait").isGreaterThanOrEqualTo(3);
    }

    @Test
    void restoreWaitFollowsTheRestoreInItsBackup() {
        String printed = captured("backup", "restore", "b-7", "--target-database", "foodtruck_copy",
                "--wait");
        assertThat(lastExit).isZero();
        assertThat(printed).contains("restore r-1 of backup b-7 into foodtruck_copy").contains("RESTORED");
    }

    @Test
    void baseWaitFollowsTheBaseBackupUntilEveryTierHasItsOutcome() {
        String printed = captured("backup", "base", "--wait");
        assertThat(lastExit).isZero();
        assertThat(printed).contains("bb-1").contains("RUNNING (1 of 3 tiers)").contains("COMPLETED");
        assertThat(reads.get()).as("another base backup's tiers are not this one's").isGreaterThanOrEqualTo(3);
    }

    @Test
    void baseWaitCountsTheTiersTheServiceNames() {
        tiersNamed = ",\"tiers\":[\"primary\"]";
        String printed = captured("backup", "base", "--wait");
        assertThat(lastExit).isZero();
        assertThat(printed).contains("COMPLETED").doesNotContain("of 3 tiers");
        assertThat(reads.get()).as("done at the first read: its one tier has its outcome").isEqualTo(1);
    }

    @Test
    void adoptServerSendsTheConfirmedSystemIdentifierAndFollowsTheBaseBackup() {
        String printed = captured("backup", "base", "--adopt-server", "7715760711340772515", "--wait");
        assertThat(lastExit).isZero();
        assertThat(posted).contains("\"adoptServer\"").contains("\"7715760711340772515\"");
        assertThat(printed).contains("bb-1").contains("COMPLETED");
        captured("backup", "base");
        assertThat(posted).as("an ordinary base backup adopts nothing").doesNotContain("adoptServer");
    }

    @Test
    void aBaseBackupThatFailedInOneTierExits6NamingTheTier() {
        outcome = "FAILED";
        String printed = captured("backup", "base", "--wait");
        assertThat(lastExit).isEqualTo(6);
        assertThat(printed).contains("tertiary: FAILED pgbackrest backup exited with 49");
    }

    @Test
    void withoutWaitItReturnsAtTheAcceptance() {
        assertThat(run("backup", "now")).isZero();
        assertThat(reads.get()).isZero();
    }

    private int run(String... args) {
        return Dr.run(backupService.args("backup", args));
    }

    /** What the command printed, stdout and stderr together (progress goes to stderr under --json). */
    private String captured(String... args) {
        CliRun run = CliRun.of(backupService.args("backup", args));
        lastExit = run.exit();
        return run.out() + run.err();
    }
}
