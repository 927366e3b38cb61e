package org.drcc.backup.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.drcc.backup.query.BackupSummary;
import org.drcc.backup.query.BackupView;
import org.drcc.backup.query.TierCopy;
import org.drcc.backup.storage.S3Properties;
import org.junit.jupiter.api.Test;

/** Which copies a restore reads, in which order: the tier the dump was written to first, then the proven copies. */
class RestoreCopiesTest {

    private static final S3Properties.Buckets BUCKETS = new S3Properties.Buckets("p-bucket", "s-bucket", "t-bucket");
    private static final Instant AT = Instant.parse("2026-12-03T08:00:00Z");

    @Test
    void aDumpWrittenToTheTertiaryWhileThePrimaryWasGoneIsReadThereFirstThenFromItsProvenCopies() {
        BackupView view = view("t-bucket", List.of(
                copy("primary", "p-bucket", "COPIED", "ab12"),
                copy("secondary", "s-bucket", "ABANDONED", null)));

        assertThat(RestoreJob.copies(view, null, BUCKETS)).containsExactly(
                new BackupObjects.Copy("tertiary", "t-bucket"), new BackupObjects.Copy("primary", "p-bucket"));
        assertThat(RestoreJob.copies(view, "primary", BUCKETS)).containsExactly(new BackupObjects.Copy("primary", "p-bucket"));
        assertThatThrownBy(() -> RestoreJob.copies(view, "secondary", BUCKETS)).isInstanceOf(NoCopyInTierException.class)
                .hasMessageContaining("it has one in: tertiary, primary");
    }

    @Test
    void aCopyThatReadsWithAnotherSha256IsNotOfferedAndTheDumpsOwnTierIsOfferedOnce() {
        BackupView view = view("p-bucket", List.of(
                copy("primary", "p-bucket", "COPIED", "ab12"), // an imported backup's row for the tier it was found in
                copy("secondary", "s-bucket", "COPIED", "ff00"),
                copy("tertiary", "t-bucket", "COPIED", "ab12")));

        assertThat(RestoreJob.copies(view, null, BUCKETS)).containsExactly(
                new BackupObjects.Copy("primary", "p-bucket"), new BackupObjects.Copy("tertiary", "t-bucket"));
    }

    private static BackupView view(String bucket, List<TierCopy> copies) {
        BackupSummary backup = new BackupSummary("b-1", "foodtruck", "COMPLETED", "dana", bucket, "foodtruck/b-1.dump",
                AT, AT, AT, 1000L, 2048L, "ab12", "15.8", null, "VERIFIED", AT, null, null, null, null, null);
        return new BackupView(backup, List.of(), copies, List.of());
    }

    private static TierCopy copy(String tier, String bucket, String status, String sha256) {
        return new TierCopy(tier, bucket, status, sha256, null, 0, AT, null);
    }
}
