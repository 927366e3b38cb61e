package org.drcc.backup.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.drcc.backup.policy.BackupProperties;
import org.drcc.backup.postgres.PgTools;
import org.drcc.backup.query.BackupSummary;
import org.drcc.backup.query.Backups;
import org.drcc.backup.storage.S3Properties;
import org.drcc.kit.rules.RuleRefusedException;
import org.junit.jupiter.api.Test;

/** One verification of a backup at a time: a second request joins the running one instead of restoring again. */
class VerifyJobTest {

    private final List<Runnable> queued = new ArrayList<>();
    private final Backups backups = mock(Backups.class);
    private final BackupProperties properties = new BackupProperties(Map.of(), "", "UTC", "0 0 4 * * SUN",
            "0 30 3 * * *", false, 2, 2, true, 1, java.time.Duration.ofHours(6), java.time.Duration.ofMinutes(10));
    private final VerifyJob job = new VerifyJob(backups, new Policies(properties), new PgTools(""),
            new BackupObjects(null, new PgTools(""), properties, null), mock(CommandGateway.class), queued::add,
            Clock.systemUTC(), properties, new S3Properties(null, 2, new S3Properties.Buckets("p", "s", "t")));

    private static BackupSummary backup(String id, String status) {
        Instant at = Instant.parse("2026-11-30T08:00:00Z");
        return new BackupSummary(id, "foodtruck", status, "scheduler", "dr-backups-primary", "k", at, at, at, 1L, 1L,
                "sha", "15", null, "UNVERIFIED", null, null, null, null, null, null);
    }

    @Test
    void aSecondRequestWhileAVerificationRunsStartsNoSecondRestore() {
        when(backups.summary("b-1")).thenReturn(Optional.of(backup("b-1", "COMPLETED")));

        assertThat(job.start("b-1", "scheduler")).isTrue();
        assertThat(job.start("b-1", "dana")).as("joins the running verification").isFalse();
        assertThat(queued).hasSize(1);

        queued.get(0).run(); // ends (here without a read model to compare with): the next request starts anew
        assertThat(job.start("b-1", "dana")).isTrue();
        assertThat(queued).hasSize(2);
    }

    @Test
    void cannotVerifyABackupThatIsNotCompleted() {
        when(backups.summary("b-2")).thenReturn(Optional.of(backup("b-2", "RUNNING")));
        assertThatThrownBy(() -> job.start("b-2", "dana")).isInstanceOf(RuleRefusedException.class)
                .hasMessageContaining("only a completed backup can be verified");
        assertThat(queued).isEmpty();
    }
}
