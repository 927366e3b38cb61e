package org.drcc.backup.drilldesk;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.drcc.backup.catalog.CatalogRebuild;
import org.drcc.backup.catalog.CatalogueProblem;
import org.drcc.backup.policy.BackupProperties;
import org.drcc.backup.storage.S3Properties;
import org.drcc.backup.job.BackupAlreadyRunningException;
import org.drcc.backup.job.BackupJob;
import org.drcc.backup.job.BackupObjects;
import org.drcc.backup.job.ManifestCheck;
import org.drcc.backup.job.Policies;
import org.drcc.backup.job.RestoreJob;
import org.drcc.backup.job.VerifyJob;
import org.drcc.backup.pitr.BaseBackups;
import org.drcc.backup.pitr.PitrRestoreView;
import org.drcc.backup.pitr.PitrViews;
import org.drcc.backup.pitr.PointInTimeRestores;
import org.drcc.backup.pitr.RestorePointOffer;
import org.drcc.backup.postgres.Manifest;
import org.drcc.backup.query.BackupFilter;
import org.drcc.backup.query.BackupSummary;
import org.drcc.backup.query.BackupView;
import org.drcc.backup.query.Backups;
import org.drcc.contract.backup.TableChecksum;
import org.drcc.drill.backup.BackupDesk;
import org.drcc.drill.backup.BackupRecord;
import org.springframework.stereotype.Component;

/**
 * The drills' way to this service's backups. Restores here record nothing on the backup: a drill's copies are
 * its own scratch databases, and the drill's events say what it did with them.
 */
@Component
class DrillBackupDesk implements BackupDesk {

    private final Backups backups;
    private final Policies policies;
    private final BackupJob backupJob;
    private final VerifyJob verifyJob;
    private final BackupObjects objects;
    private final S3Properties s3;
    private final BackupProperties properties;
    private final BaseBackups baseBackups;
    private final PointInTimeRestores pitr;
    private final PitrViews pitrViews;
    private final CatalogRebuild catalogues;
    private static final java.time.Duration CATALOGUE_WAIT = java.time.Duration.ofMinutes(1);

    DrillBackupDesk(Backups backups, Policies policies, BackupJob backupJob, VerifyJob verifyJob,
                    BackupObjects objects, S3Properties s3, BackupProperties properties, BaseBackups baseBackups,
                    PointInTimeRestores pitr, PitrViews pitrViews, CatalogRebuild catalogues) {
        this.catalogues = catalogues;
        this.baseBackups = baseBackups;
        this.pitr = pitr;
        this.pitrViews = pitrViews;
        this.backups = backups;
        this.policies = policies;
        this.backupJob = backupJob;
        this.verifyJob = verifyJob;
        this.objects = objects;
        this.s3 = s3;
        this.properties = properties;
    }

    @Override
    public void requireProtected(String database) {
        policies.require(database);
    }

    @Override
    public Connection connect(String protectedDatabase, String database) throws SQLException {
        return policies.target(protectedDatabase).withDatabase(database).connect();
    }

    @Override
    public List<BackupRecord> completed(String database, boolean verifiedOnly, Instant before, int limit) {
        return backups.list(new BackupFilter(database, "COMPLETED", verifiedOnly ? true : null, before, limit)).stream()
                .map(DrillBackupDesk::record).toList();
    }

    @Override
    public Optional<BackupRecord> backup(String backupId) {
        return backups.summary(backupId).map(DrillBackupDesk::record);
    }

    @Override
    public Optional<TierCopy> tertiaryCopy(String backupId) {
        BackupView view = backups.view(backupId);
        if (view.backup().bucket().equals(s3.buckets().tertiary())) {
            return Optional.of(new TierCopy("COPIED", null)); // written there, the primary's store being gone then
        }
        return view.copies().stream().filter(c -> "tertiary".equals(c.tier())).findFirst()
                .filter(c -> "COPIED".equals(c.status()) || "FAILED".equals(c.status()))
                .map(c -> new TierCopy(c.status(), c.failure()));
    }

    @Override
    public Optional<String> offSiteCatalogueProblem(String backupId) {
        BackupView view = backups.view(backupId);
        // the catalogue beside a copy is written by a processor of its own after the copy ended: a minute for it
        long deadline = System.nanoTime() + CATALOGUE_WAIT.toNanos();
        while (true) {
            Optional<CatalogueProblem> problem = catalogues.describes("tertiary", view.backup(), view.tables());
            if (problem.isEmpty() || !problem.get().missing() || System.nanoTime() > deadline) {
                return problem.map(CatalogueProblem::detail);
            }
            try {
                Thread.sleep(1_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return problem.map(CatalogueProblem::detail);
            }
        }
    }

    @Override
    public String startBackup(String database, String actor) {
        try {
            return backupJob.start(database, actor);
        } catch (BackupAlreadyRunningException e) {
            return backups.running(database).map(BackupSummary::backupId).orElseThrow(() -> e);
        }
    }

    @Override
    public void startVerification(String backupId, String actor) {
        verifyJob.start(backupId, actor);
    }

    @Override
    public List<TableChecksum> manifest(String backupId) {
        return backups.view(backupId).tables();
    }

    @Override
    public List<TableChecksum> tables(String protectedDatabase, String database) throws SQLException {
        try (Connection c = connect(protectedDatabase, database)) {
            return Manifest.read(c);
        }
    }

    @Override
    public Optional<Mismatch> compare(String backupId, String database) throws SQLException {
        return ManifestCheck.compare(manifest(backupId), tables(summary(backupId).database(), database))
                .map(f -> new Mismatch(f.check(), f.detail()));
    }

    @Override
    public String restore(String backupId, Tier tier, String target) throws Exception {
        BackupSummary backup = summary(backupId);
        return said(objects.restore(backup, copies(backupId, tier), policies.target(backup.database()), target, false,
                1));
    }

    @Override
    public String restoreTables(String backupId, String target, List<String> tables) throws Exception {
        BackupSummary backup = summary(backupId);
        return said(objects.restoreTables(backup, copies(backupId, Tier.PRIMARY),
                policies.target(backup.database()).withDatabase(target), tables));
    }

    /**
     * The copies a drill's restore may read: for {@link Tier#TERTIARY} the tertiary's only (the DR site has nothing
     * else), otherwise the backup's own copy and then the proven ones, as an operator's restore reads them, so a drill
     * still passes with the tier the dump was written to gone, and says which copy it read.
     */
    private List<BackupObjects.Copy> copies(String backupId, Tier tier) {
        return RestoreJob.copies(backups.view(backupId), tier == Tier.TERTIARY ? "tertiary" : null, s3.buckets());
    }

    private static String said(BackupObjects.RestoredFrom from) {
        return from.source() + (from.passedOver().isEmpty() ? "" : " (passed over: " + String.join("; ",
                from.passedOver()) + ")");
    }

    @Override
    public Verification verificationSchedule() {
        return new Verification(properties.zone(), properties.verificationSchedule(), properties.schedulingEnabled());
    }

    @Override
    public Optional<Instant> restorableFrom(String protectedDatabase) {
        return baseBackups.enabled() && baseBackups.database().equals(protectedDatabase)
                ? pitrViews.oldestRestorableInstant(protectedDatabase) : Optional.empty();
    }

    @Override
    public void takeBaseBackup(String actor) {
        baseBackups.run(actor);
    }

    @Override
    public Optional<Instant> instantBefore(Instant damageAt) {
        RestorePointOffer offer = pitr.offer(damageAt);
        return RestorePointOffer.POINT_IN_TIME.equals(offer.kind()) ? Optional.of(offer.toTime()) : Optional.empty();
    }

    @Override
    public InstantRestore restoreToInstant(String database, Instant toTime, String target, String actor) {
        PitrRestoreView r = pitr.restoreHere(database, toTime, target, actor);
        boolean restored = "RESTORED".equals(r.status());
        return new InstantRestore(restored, r.reachedAt(), r.baseBackupLabel(), restored ? r.tables() : 0,
                restored ? r.rows() : 0, restored ? r.applicationChecks() : 0,
                restored ? r.applicationChecksFailing() : List.of(), r.failure());
    }

    private BackupSummary summary(String backupId) {
        return backups.summary(backupId).orElseThrow();
    }

    private static BackupRecord record(BackupSummary b) {
        return new BackupRecord(b.backupId(), b.status(), b.failure(), b.snapshotAt(), b.verification(),
                b.verificationCheck(), b.verificationDetail(), b.bucket(), b.objectKey());
    }
}
