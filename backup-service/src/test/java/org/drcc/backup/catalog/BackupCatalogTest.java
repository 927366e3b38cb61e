package org.drcc.backup.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.drcc.backup.storage.S3Properties;
import org.drcc.contract.backup.BackupCompletedEvent;
import org.drcc.contract.backup.BackupCopiedEvent;
import org.drcc.contract.backup.BackupCopyFailedEvent;
import org.drcc.contract.backup.BackupEncryptedEvent;
import org.drcc.contract.backup.BackupExpiredEvent;
import org.drcc.contract.backup.BackupFailedEvent;
import org.drcc.contract.backup.BackupRestoreStartedEvent;
import org.drcc.contract.backup.BackupStartedEvent;
import org.drcc.contract.backup.BackupVerificationFailedEvent;
import org.drcc.contract.backup.BackupVerifiedEvent;
import org.drcc.contract.backup.TableChecksum;
import org.junit.jupiter.api.Test;
import org.skyscreamer.jsonassert.JSONAssert;
import org.skyscreamer.jsonassert.JSONCompareMode;

/** The catalogue object beside a dump: folded from the backup's events, its JSON fixed by a snapshot, no secrets. */
class BackupCatalogTest {

    private static final String ID = "3f1d7a22-0000-4000-8000-000000000016";
    private static final String KEY = "foodtruck/2026-11-30T08-00-00Z_" + ID + ".dump";
    private static final Instant T0 = Instant.parse("2026-11-30T08:00:00Z");
    private static final S3Properties.Buckets BUCKETS = new S3Properties.Buckets("dr-backups-primary",
            "dr-backups-secondary", "dr-backups-tertiary");

    private static final BackupStartedEvent STARTED = new BackupStartedEvent(ID, "foodtruck", "dr-backups-primary", KEY,
            "alice.secretive@example.com", T0);
    private static final BackupCompletedEvent COMPLETED = new BackupCompletedEvent(ID, "foodtruck", "dr-backups-primary",
            KEY, 5_242_880, "ab12", "15.8", T0.plusSeconds(1), Duration.ofSeconds(42),
            List.of(new TableChecksum("public.customer_order", 4000, "0cc175b9"),
                    new TableChecksum("public.truck", 20, "9e107d9d")), "alice.secretive@example.com", T0.plusSeconds(43));

    private static List<Object> lifeSoFar() {
        return List.of(STARTED,
                new BackupEncryptedEvent(ID, "foodtruck", "2026-q4", "AES256_GCM_HKDF_1MB", "alice", T0.plusSeconds(43)),
                COMPLETED,
                new BackupCopiedEvent(ID, "foodtruck", "secondary", "dr-backups-secondary", KEY, "ab12", "alice", T0.plusSeconds(50)),
                new BackupCopyFailedEvent(ID, "foodtruck", "tertiary", "dr-backups-tertiary", "Connection refused", "alice",
                        T0.plusSeconds(55)),
                new BackupCopiedEvent(ID, "foodtruck", "tertiary", "dr-backups-tertiary", KEY, "ab12", "alice", T0.plusSeconds(60)),
                new BackupVerificationFailedEvent(ID, "foodtruck", "restore", "pg_restore exited with 1", "bob", T0.plusSeconds(70)),
                new BackupVerifiedEvent(ID, "foodtruck", "dr_verify_0123", 2, "bob", T0.plusSeconds(90)),
                new BackupRestoreStartedEvent(ID, "foodtruck", "r-1", "foodtruck_copy", false, T0, "carol", T0.plusSeconds(99)));
    }

    @Test
    void aCompletedCopiedVerifiedBackupIsCataloguedWithEveryTierItsManifestAndItsLastVerification() throws Exception {
        BackupCatalog catalog = CatalogFold.of(lifeSoFar(), BUCKETS).catalog().orElseThrow();

        String json = new String(CatalogJson.write(catalog), StandardCharsets.UTF_8);
        JSONAssert.assertEquals(snapshot(), json, JSONCompareMode.STRICT);
        assertThat(CatalogJson.read(json.getBytes(StandardCharsets.UTF_8))).as("reads back").isEqualTo(catalog);
        assertThat(BackupCatalog.keyOf(catalog.objectKey())).isEqualTo(KEY + ".catalog.json");
    }

    @Test
    void theCatalogueNamesNoPersonAndHoldsNoSecret() {
        String json = new String(CatalogJson.write(CatalogFold.of(lifeSoFar(), BUCKETS).catalog().orElseThrow()),
                StandardCharsets.UTF_8);

        assertThat(json).doesNotContain("alice", "bob", "carol", "actor", "dr-local", "secret", "password",
                "accessKey", "http://", "https://", "jdbc:");
    }

    @Test
    void anEncryptedBackupIsCataloguedWithItsKeyIdAndAlgorithmAndABackupFromBeforeEncryptionWithNeither() {
        assertThat(CatalogFold.of(lifeSoFar(), BUCKETS).catalog().orElseThrow())
                .extracting(BackupCatalog::encryptionKeyId, BackupCatalog::encryptionAlgorithm)
                .containsExactly("2026-q4", "AES256_GCM_HKDF_1MB");
        assertThat(CatalogFold.of(List.of(STARTED, COMPLETED), BUCKETS).catalog().orElseThrow())
                .extracting(BackupCatalog::encryptionKeyId, BackupCatalog::encryptionAlgorithm)
                .containsExactly(null, null);
    }

    @Test
    void aBackupWithoutADumpHasNoCatalogueAndAnExpiredOneSaysSo() {
        assertThat(CatalogFold.of(List.of(STARTED), BUCKETS).catalog()).isEmpty();
        assertThat(CatalogFold.of(List.of(STARTED, new BackupFailedEvent(ID, "foodtruck", "pg_dump exited with 1", "a",
                T0)), BUCKETS).catalog()).isEmpty();

        CatalogFold.State expired = CatalogFold.of(List.of(STARTED, COMPLETED,
                new BackupExpiredEvent(ID, "foodtruck", "kept by no rule", "retention", T0.plusSeconds(999))), BUCKETS);
        assertThat(expired.expired()).isTrue();
        assertThat(expired.catalog()).hasValueSatisfying(c -> assertThat(c.objectKey()).isEqualTo(KEY));
    }

    @Test
    void anUnverifiedBackupSaysUnverifiedAndAFieldAddedLaterIsReadPast() throws Exception {
        BackupCatalog catalog = CatalogFold.of(List.of(STARTED, COMPLETED), BUCKETS).catalog().orElseThrow();
        assertThat(catalog.verification()).isEqualTo(new BackupCatalog.Verification("UNVERIFIED", null, null, null));
        assertThat(catalog.copies()).extracting(BackupCatalog.Copy::tier).containsExactly("primary");

        String later = new String(CatalogJson.write(catalog), StandardCharsets.UTF_8)
                .replaceFirst("\\{", "{\"compression\": \"zlib\",");
        assertThat(CatalogJson.read(later.getBytes(StandardCharsets.UTF_8))).isEqualTo(catalog);
        assertThatThrownBy(() -> CatalogJson.read("PGDMP".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IOException.class);
    }

    @Test
    void aDumpWrittenToAnotherTierWhileThePrimaryWasGoneIsCataloguedInThatTierAndThePrimaryCopyAfterIt() {
        BackupCompletedEvent inTertiary = new BackupCompletedEvent(ID, "foodtruck", "dr-backups-tertiary", KEY, 5_242_880,
                "ab12", "15.8", T0.plusSeconds(1), Duration.ofSeconds(42), List.of(), "alice", T0.plusSeconds(43));
        BackupCatalog catalog = CatalogFold.of(List.of(STARTED, inTertiary,
                new BackupCopiedEvent(ID, "foodtruck", "primary", "dr-backups-primary", KEY, "ab12", "alice",
                        T0.plusSeconds(600))), BUCKETS).catalog().orElseThrow();

        assertThat(catalog.copies()).extracting(BackupCatalog.Copy::tier, BackupCatalog.Copy::bucket)
                .containsExactly(tuple("tertiary", "dr-backups-tertiary"), tuple("primary", "dr-backups-primary"));
        // a bucket no tier names any more was the primary's: every dump was written there before the choice existed
        assertThat(CatalogFold.of(List.of(STARTED, COMPLETED), new S3Properties.Buckets("renamed-primary",
                "dr-backups-secondary", "dr-backups-tertiary")).catalog().orElseThrow().copies())
                .extracting(BackupCatalog.Copy::tier).containsExactly("primary");
    }

    private static String snapshot() throws IOException {
        try (InputStream in = BackupCatalogTest.class.getResourceAsStream("/catalog/sample.catalog.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
