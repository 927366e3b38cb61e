package org.drcc.backup.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.drcc.backup.command.ImportBackupCommand;
import org.drcc.backup.storage.S3Properties;
import org.drcc.backup.query.Backups;
import org.drcc.backup.storage.ObjectStore;
import org.drcc.backup.storage.StoredObject;
import org.drcc.contract.backup.TableChecksum;
import org.drcc.kit.s3.BucketStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/** What a rebuild does with each kind of catalogue object it finds; the real engines are in CatalogRebuildIT. */
class CatalogRebuildTest {

    private static final String TERTIARY = "dr-backups-tertiary";

    private final ObjectStore store = mock(ObjectStore.class);
    private final BucketStore bucket = mock(BucketStore.class);
    private final Backups backups = mock(Backups.class);
    private final CommandGateway commands = mock(CommandGateway.class);
    private CatalogRebuild rebuild;

    @BeforeEach
    void setUp() {
        S3Properties s3 = new S3Properties(DataSize.ofMegabytes(8), 2,
                new S3Properties.Buckets("dr-backups-primary", "dr-backups-secondary", TERTIARY));
        rebuild = new CatalogRebuild(store, backups, commands, s3,
                Clock.fixed(Instant.parse("2026-11-30T09:00:00Z"), ZoneOffset.UTC));
        when(store.bucket(TERTIARY)).thenReturn(bucket);
        when(backups.summary(any())).thenReturn(Optional.empty());
    }

    private static BackupCatalog catalog(String id, int format) {
        return new BackupCatalog(format, id, "foodtruck", "15.8", Instant.parse("2026-11-30T08:00:00Z"),
                Instant.parse("2026-11-30T08:00:40Z"), Instant.parse("2026-11-30T08:00:01Z"), "foodtruck/" + id + ".dump",
                10, "aa", List.of(new TableChecksum("public.truck", 20, "9e10")),
                new BackupCatalog.Verification("VERIFIED", null, "1 tables match the manifest",
                        Instant.parse("2026-11-30T08:01:00Z")),
                List.of(new BackupCatalog.Copy("tertiary", TERTIARY, Instant.parse("2026-11-30T08:00:50Z"))), null, null);
    }

    private void stored(BackupCatalog c) {
        when(bucket.get(BackupCatalog.keyOf(c.objectKey()))).thenReturn(CatalogJson.write(c));
    }

    @Test
    void eachCatalogueObjectIsImportedSkippedOrReportedWithWhy() {
        BackupCatalog good = catalog("good", 1);
        BackupCatalog known = catalog("known", 1);
        BackupCatalog missing = catalog("missing", 1);
        BackupCatalog newer = catalog("newer", 2);
        stored(good);
        stored(known);
        stored(missing);
        stored(newer);
        when(bucket.get("foodtruck/junk.dump.catalog.json")).thenReturn("not json".getBytes(StandardCharsets.UTF_8));
        when(bucket.list("")).thenReturn(List.of("foodtruck/good.dump", "foodtruck/good.dump.catalog.json",
                "foodtruck/known.dump.catalog.json", "foodtruck/missing.dump.catalog.json",
                "foodtruck/newer.dump.catalog.json", "foodtruck/junk.dump.catalog.json"));
        when(backups.summary("known")).thenReturn(Optional.of(mock(org.drcc.backup.query.BackupSummary.class)));
        when(store.readBack(TERTIARY, "foodtruck/good.dump")).thenReturn(new StoredObject(10, "aa"));
        when(store.readBack(TERTIARY, "foodtruck/missing.dump")).thenThrow(NoSuchKeyException.builder().build());

        RebuildReport report = rebuild.rebuild("tertiary", "dana");

        assertThat(report.found()).isEqualTo(5);
        assertThat(report.imported()).extracting(RebuildReport.Imported::backupId).containsExactly("good");
        assertThat(report.skippedAsKnown()).extracting(RebuildReport.Known::backupId).containsExactly("known");
        assertThat(report.notImported()).extracting(RebuildReport.NotImported::catalogObject).containsExactlyInAnyOrder(
                "foodtruck/missing.dump.catalog.json", "foodtruck/newer.dump.catalog.json",
                "foodtruck/junk.dump.catalog.json");
        assertThat(report.notImported()).extracting(RebuildReport.NotImported::reason).anyMatch(r -> r.contains("missing"))
                .anyMatch(r -> r.contains("format version 2")).anyMatch(r -> r.contains("cannot be read"));
        verify(commands).sendAndWait(new ImportBackupCommand("good", "foodtruck", "tertiary", TERTIARY,
                "foodtruck/good.dump", 10, "aa", "15.8", good.startedAt(), good.completedAt(), good.snapshotAt(),
                good.tables(), new ImportBackupCommand.RecordedVerification("VERIFIED", null,
                "1 tables match the manifest", good.verification().at()), null, "dana",
                Instant.parse("2026-11-30T09:00:00Z")));
    }

    @Test
    void aDumpOfAnotherSizeOrChecksumIsNotImported() {
        BackupCatalog other = catalog("other", 1);
        stored(other);
        when(bucket.list("")).thenReturn(List.of("foodtruck/other.dump.catalog.json"));
        when(store.readBack(TERTIARY, "foodtruck/other.dump")).thenReturn(new StoredObject(11, "aa"));

        RebuildReport report = rebuild.rebuild("tertiary", "dana");

        assertThat(report.imported()).isEmpty();
        assertThat(report.notImported()).singleElement().satisfies(n -> assertThat(n.reason())
                .contains("11 bytes", "recorded aa and 10 bytes"));
        verify(commands, never()).sendAndWait(any());
    }

    @Test
    void anUnknownTierIsRefusedBeforeAnythingIsRead() {
        assertThatThrownBy(() -> rebuild.rebuild("quaternary", "dana")).isInstanceOf(UnknownTierException.class)
                .hasMessageContaining("quaternary");
        verify(store, never()).bucket(any());
    }

    @Test
    void aBackupLeftRunningIsReconciledFromTheTierWhoseCatalogueRecordsItsVerificationWhenItsDumpChecksOut() {
        BackupCatalog verified = catalog("own", 1);
        BackupCatalog beforeVerification = new BackupCatalog(1, "own", "foodtruck", "15.8", verified.startedAt(),
                verified.completedAt(), verified.snapshotAt(), verified.objectKey(), 10, "aa", verified.tables(),
                new BackupCatalog.Verification("UNVERIFIED", null, null, null), verified.copies(), null, null);
        BucketStore primary = mock(BucketStore.class);
        when(store.bucket("dr-backups-primary")).thenReturn(primary);
        when(store.bucket("dr-backups-secondary")).thenReturn(mock(BucketStore.class));
        when(primary.find(BackupCatalog.keyOf(verified.objectKey()))).thenReturn(Optional.of(CatalogJson.write(beforeVerification)));
        when(bucket.find(BackupCatalog.keyOf(verified.objectKey()))).thenReturn(Optional.of(CatalogJson.write(verified)));
        when(store.readBack(TERTIARY, verified.objectKey())).thenReturn(new StoredObject(10, "aa"));

        assertThat(rebuild.reconcile(running("own", verified.objectKey()), "backup-service")).hasValue("tertiary");

        org.mockito.ArgumentCaptor<org.drcc.backup.command.ReconcileBackupCommand> sent =
                org.mockito.ArgumentCaptor.forClass(org.drcc.backup.command.ReconcileBackupCommand.class);
        verify(commands).sendAndWait(sent.capture());
        assertThat(sent.getValue().verification().status()).isEqualTo("VERIFIED");
        assertThat(sent.getValue().bucket()).isEqualTo(TERTIARY);
    }

    @Test
    void aBackupLeftRunningWhoseDumpDoesNotCheckOutIsNotReconciled() {
        BackupCatalog c = catalog("cut", 1);
        when(store.bucket("dr-backups-primary")).thenReturn(mock(BucketStore.class));
        when(store.bucket("dr-backups-secondary")).thenReturn(mock(BucketStore.class));
        when(bucket.find(BackupCatalog.keyOf(c.objectKey()))).thenReturn(Optional.of(CatalogJson.write(c)));
        when(store.readBack(TERTIARY, c.objectKey())).thenReturn(new StoredObject(7, "bb"));

        assertThat(rebuild.reconcile(running("cut", c.objectKey()), "backup-service")).isEmpty();
        verify(commands, never()).sendAndWait(any());
    }

    private static org.drcc.backup.query.BackupSummary running(String id, String objectKey) {
        return new org.drcc.backup.query.BackupSummary(id, "foodtruck", "RUNNING", "alice", "dr-backups-primary", objectKey,
                Instant.parse("2026-11-30T08:00:00Z"), null, null, null, null, null, null, null, "UNVERIFIED", null, null,
                null, null, null, null);
    }
}
