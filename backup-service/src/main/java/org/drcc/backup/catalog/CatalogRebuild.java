package org.drcc.backup.catalog;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.drcc.backup.command.ImportBackupCommand;
import org.drcc.backup.command.ReconcileBackupCommand;
import org.drcc.backup.query.BackupSummary;
import org.drcc.backup.storage.S3Properties;
import org.drcc.backup.query.Backups;
import org.drcc.backup.storage.ObjectStore;
import org.drcc.backup.storage.StoredObject;
import org.drcc.contract.backup.TableChecksum;
import org.drcc.kit.rules.RuleRefusedException;
import org.drcc.kit.s3.BucketStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * Knows again the backups of one tier from its bucket alone, as after the loss of this service's database: each
 * catalogue object whose backup is unknown here is imported if its dump reads, in full, with the catalogue's SHA-256
 * and size; a missing or altered dump is reported and not imported, and a known backup is left as it is. Safe to
 * run again: what was imported is known the second time.
 */
@Component
public class CatalogRebuild {

    private static final Logger log = LoggerFactory.getLogger(CatalogRebuild.class);

    private final ObjectStore store;
    private final Backups backups;
    private final CommandGateway commands;
    private final S3Properties s3;
    private final Clock clock;

    CatalogRebuild(ObjectStore store, Backups backups, CommandGateway commands, S3Properties s3, Clock clock) {
        this.store = store;
        this.backups = backups;
        this.commands = commands;
        this.s3 = s3;
        this.clock = clock;
    }

    public RebuildReport rebuild(String tier, String actor) {
        String bucket = bucketOf(tier);
        BucketStore catalogs = store.bucket(bucket);
        List<String> keys = catalogs.list("").stream().filter(k -> k.endsWith(BackupCatalog.SUFFIX)).toList();
        List<RebuildReport.Imported> imported = new ArrayList<>();
        List<RebuildReport.Known> known = new ArrayList<>();
        List<RebuildReport.NotImported> refused = new ArrayList<>();
        for (String key : keys) {
            BackupCatalog catalog;
            try {
                catalog = CatalogJson.read(catalogs.get(key));
            } catch (IOException | RuntimeException e) {
                refused.add(new RebuildReport.NotImported(key, null,
                        "the catalogue object cannot be read: " + e.getMessage()));
                continue;
            }
            if (backups.summary(catalog.backupId()).isPresent()) {
                known.add(new RebuildReport.Known(catalog.backupId(), key));
                continue;
            }
            String problem = check(bucket, key, catalog);
            if (problem != null) {
                log.warn("Rebuild from the {} tier: s3://{}/{} not imported: {}", tier, bucket, key, problem);
                refused.add(new RebuildReport.NotImported(key, catalog.backupId(), problem));
                continue;
            }
            try {
                importIt(tier, bucket, catalog, actor);
                imported.add(new RebuildReport.Imported(catalog.backupId(), catalog.database(), catalog.snapshotAt(),
                        catalog.objectKey(), catalog.verification().status()));
            } catch (RuleRefusedException e) {
                // recorded meanwhile, by a rebuild running beside this one
                known.add(new RebuildReport.Known(catalog.backupId(), key));
            } catch (RuntimeException e) {
                log.warn("Rebuild from the {} tier: backup {} could not be recorded: {}", tier, catalog.backupId(),
                        e.toString());
                refused.add(new RebuildReport.NotImported(key, catalog.backupId(),
                        "it could not be recorded: " + e.getMessage()));
            }
        }
        log.info("Rebuild from the {} tier ({}): {} catalogue objects, {} imported, {} known, {} not imported", tier,
                bucket, keys.size(), imported.size(), known.size(), refused.size());
        return new RebuildReport(tier, bucket, keys.size(), imported, known, refused);
    }

    /**
     * A backup recorded as RUNNING at this service's start, looked for in the tiers: the first tier whose catalogue
     * object describes it and whose dump reads with the catalogue's SHA-256 and size records it as the catalogue
     * says (complete, its copies, its verification). Catalogues that record a verification are tried first, the
     * newest first (a tier's catalogue may have been written before the verification reached it), then the others
     * in tier order. This is the case of backup-service's own backup after its database was restored from that very
     * dump, taken while the backup ran. Returns the tier, or empty when no tier holds it complete (the backup was
     * really interrupted).
     */
    public Optional<String> reconcile(BackupSummary running, String actor) {
        String key = BackupCatalog.keyOf(running.objectKey());
        List<Found> found = new ArrayList<>();
        for (String tier : s3.buckets().byTier().keySet()) {
            String bucket = bucketOf(tier);
            try {
                Optional<byte[]> bytes = store.bucket(bucket).find(key);
                if (bytes.isPresent()) {
                    found.add(new Found(tier, bucket, CatalogJson.read(bytes.get())));
                }
            } catch (IOException | RuntimeException e) {
                log.warn("Backup {} left running: the {} tier's catalogue object cannot be read: {}", running.backupId(),
                        tier, e.toString());
            }
        }
        found.sort(Comparator.comparing(Found::verifiedAt, Comparator.nullsLast(Comparator.reverseOrder())));
        for (Found candidate : found) {
            BackupCatalog catalog = candidate.catalog();
            String problem = !running.backupId().equals(catalog.backupId()) ? "it describes backup " + catalog.backupId()
                    : catalog.completedAt() == null ? "it records no completion" : check(candidate.bucket(), key, catalog);
            if (problem != null) {
                log.warn("Backup {} left running: its catalogue object s3://{}/{} does not check out: {}",
                        running.backupId(), candidate.bucket(), key, problem);
                continue;
            }
            try {
                reconcile(candidate.tier(), candidate.bucket(), key, catalog, running.startedAt(), actor);
                return Optional.of(candidate.tier());
            } catch (RuntimeException e) {
                // recorded meanwhile (failed by the stale sweep, or reconciled by another instance)
                log.warn("Backup {} left running could not be reconciled: {}", running.backupId(), e.toString());
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    private record Found(String tier, String bucket, BackupCatalog catalog) {

        Instant verifiedAt() {
            return catalog.verification() == null ? null : catalog.verification().at();
        }
    }

    private void reconcile(String tier, String bucket, String key, BackupCatalog c, Instant started, String actor) {
        BackupCatalog.Verification v = c.verification();
        List<ReconcileBackupCommand.RecordedCopy> copies = c.copies() == null ? List.of()
                : c.copies().stream().map(k -> new ReconcileBackupCommand.RecordedCopy(k.tier(), k.bucket(), k.at())).toList();
        commands.sendAndWait(new ReconcileBackupCommand(c.backupId(), tier, bucket, key, c.objectKey(), c.sizeBytes(),
                c.sha256(), c.serverVersion(), c.startedAt() == null ? started : c.startedAt(), c.completedAt(), c.snapshotAt(),
                c.tables(), new ImportBackupCommand.RecordedVerification(v.status(), v.check(), v.detail(), v.at()), copies,
                c.encryptionKeyId(), c.encryptionAlgorithm(), actor, clock.instant()));
        log.info("Backup {} of {}, left running, is recorded complete ({}) from its catalogue object s3://{}/{}",
                c.backupId(), c.database(), v.status(), bucket, key);
    }

    String bucketOf(String tier) {
        String bucket = tier == null ? null : s3.buckets().byTier().get(tier);
        if (bucket == null) {
            throw new UnknownTierException(tier);
        }
        return bucket;
    }

    /**
     * Whether a new site could know {@code backup} again from {@code tier} alone: the catalogue object beside its copy
     * there, read as {@link #rebuild} reads it, must describe the backup as recorded here (its id, database, dump,
     * SHA-256, size and manifest). Empty when it does, else what is wrong. The dump itself is not read: a restore from
     * that tier reads it and checks its SHA-256. What the drills of the regional scenarios check after their restore.
     */
    public Optional<CatalogueProblem> describes(String tier, BackupSummary backup, List<TableChecksum> manifest) {
        String bucket = bucketOf(tier);
        String key = BackupCatalog.keyOf(backup.objectKey());
        BackupCatalog catalog;
        try {
            Optional<byte[]> found = store.bucket(bucket).find(key);
            if (found.isEmpty()) {
                return Optional.of(new CatalogueProblem(true, "s3://" + bucket + "/" + key + " is missing: a rebuild "
                        + "from the " + tier + " tier would not know backup " + backup.backupId()));
            }
            catalog = CatalogJson.read(found.get());
        } catch (IOException | RuntimeException e) {
            return Optional.of(new CatalogueProblem(false, "s3://" + bucket + "/" + key + " cannot be read: "
                    + e.getMessage()));
        }
        List<String> differs = new ArrayList<>();
        differ(differs, "backup id", backup.backupId(), catalog.backupId());
        differ(differs, "database", backup.database(), catalog.database());
        differ(differs, "dump", backup.objectKey(), catalog.objectKey());
        differ(differs, "SHA-256", backup.sha256(), catalog.sha256());
        differ(differs, "size", backup.sizeBytes(), catalog.sizeBytes());
        differs.addAll(manifestDiffers(manifest, catalog.tables()));
        return differs.isEmpty() ? Optional.empty() : Optional.of(new CatalogueProblem(false, "s3://" + bucket + "/"
                + key + " does not describe backup " + backup.backupId() + " as recorded here: "
                + String.join("; ", differs)));
    }

    /**
     * The tables whose rows or checksum differ, or that only one side lists: compared by name, not by position (the
     * read model lists them in its database's collation, a manifest in the order it was read).
     */
    private static List<String> manifestDiffers(List<TableChecksum> recorded, List<TableChecksum> catalogued) {
        java.util.Map<String, TableChecksum> here = new java.util.TreeMap<>();
        recorded.forEach(t -> here.put(t.table(), t));
        java.util.Map<String, TableChecksum> there = new java.util.TreeMap<>();
        (catalogued == null ? List.<TableChecksum>of() : catalogued).forEach(t -> there.put(t.table(), t));
        List<String> differs = new ArrayList<>();
        java.util.Set<String> tables = new java.util.TreeSet<>(here.keySet());
        tables.addAll(there.keySet());
        for (String table : tables) {
            TableChecksum h = here.get(table);
            TableChecksum t = there.get(table);
            if (t == null) {
                differs.add("manifest without table " + table);
            } else if (h == null) {
                differs.add("manifest with a table " + table + " not recorded here");
            } else if (!h.equals(t)) {
                differs.add("manifest's table " + table + " " + t.rows() + " rows, md5 " + t.md5() + " where " + h.rows()
                        + " rows, md5 " + h.md5() + " are recorded");
            }
        }
        return differs;
    }

    private static void differ(List<String> differs, String what, Object recorded, Object catalogued) {
        if (!java.util.Objects.equals(recorded, catalogued)) {
            differs.add(what + " " + catalogued + " where " + recorded + " is recorded");
        }
    }

    /** Why the catalogue cannot be trusted with its dump, or null when the dump reads exactly as recorded. */
    private String check(String bucket, String key, BackupCatalog catalog) {
        if (catalog.formatVersion() > BackupCatalog.FORMAT_VERSION) {
            return "catalogue format version " + catalog.formatVersion() + " is newer than this service reads ("
                    + BackupCatalog.FORMAT_VERSION + ")";
        }
        if (catalog.backupId() == null || catalog.database() == null || catalog.objectKey() == null
                || catalog.sha256() == null || catalog.snapshotAt() == null || catalog.verification() == null
                || catalog.tables() == null) {
            return "the catalogue object lacks its backup id, database, dump, SHA-256, snapshot, manifest or "
                    + "verification";
        }
        if (!List.of("UNVERIFIED", "VERIFIED", "FAILED").contains(catalog.verification().status())) {
            return "its verification status '" + catalog.verification().status() + "' is not one this service knows";
        }
        if (!key.equals(BackupCatalog.keyOf(catalog.objectKey()))) {
            // a catalogue describes the dump beside it; one naming another object was moved or forged
            return "it names the dump " + catalog.objectKey() + ", which is not the object beside it";
        }
        StoredObject read;
        try {
            read = store.readBack(bucket, catalog.objectKey());
        } catch (NoSuchKeyException e) {
            return "the dump s3://" + bucket + "/" + catalog.objectKey() + " is missing";
        } catch (RuntimeException e) {
            return "the dump s3://" + bucket + "/" + catalog.objectKey() + " cannot be read: " + e.getMessage();
        }
        if (!read.sha256().equals(catalog.sha256()) || read.sizeBytes() != catalog.sizeBytes()) {
            return "the dump s3://" + bucket + "/" + catalog.objectKey() + " reads with SHA-256 " + read.sha256()
                    + " and " + read.sizeBytes() + " bytes; the catalogue recorded " + catalog.sha256() + " and "
                    + catalog.sizeBytes() + " bytes";
        }
        return null;
    }

    private void importIt(String tier, String bucket, BackupCatalog c, String actor) {
        BackupCatalog.Verification v = c.verification();
        commands.sendAndWait(new ImportBackupCommand(c.backupId(), c.database(), tier, bucket, c.objectKey(),
                c.sizeBytes(), c.sha256(), c.serverVersion(), c.startedAt(), c.completedAt(), c.snapshotAt(),
                c.tables(), new ImportBackupCommand.RecordedVerification(v.status(), v.check(), v.detail(), v.at()),
                c.encryptionKeyId(), actor, clock.instant()));
        log.info("Backup {} of {} imported from s3://{}/{}", c.backupId(), c.database(), bucket, c.objectKey());
    }
}
