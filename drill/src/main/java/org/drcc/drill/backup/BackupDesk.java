package org.drcc.drill.backup;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.drcc.contract.backup.TableChecksum;

/**
 * All a drill may ask of the backups: the host (backup-service) implements it, so the drill never sees how
 * backups are taken, stored or restored. Databases are named on the protected database's server; the drill
 * only ever names its own scratch databases here.
 */
public interface BackupDesk {

    /** Throws the host's own refusal when {@code database} is not a protected database. */
    void requireProtected(String database);

    /** To {@code database} on the server of {@code protectedDatabase} (itself, for statements about the server). */
    Connection connect(String protectedDatabase, String database) throws SQLException;

    /** Completed backups, newest first; only verified ones if asked; {@code before} (may be null) bounds the restore point. */
    List<BackupRecord> completed(String database, boolean verifiedOnly, Instant before, int limit);

    Optional<BackupRecord> backup(String backupId);

    /** Its copy in the tertiary (off-site) tier, once that copy has ended. */
    Optional<TierCopy> tertiaryCopy(String backupId);

    /**
     * What a new site, with the tertiary tier alone, would know of the backup: empty when the catalogue object beside
     * its tertiary copy describes it as recorded here (so a catalogue rebuild from that tier imports it), else why not.
     */
    Optional<String> offSiteCatalogueProblem(String backupId);

    /** Starts a backup now, or joins the one of {@code database} already running; its id. */
    String startBackup(String database, String actor);

    /** Starts its verification by restore; the outcome shows on {@link #backup}. */
    void startVerification(String backupId, String actor);

    /** Its manifest: each table's row count and checksum as backed up. */
    List<TableChecksum> manifest(String backupId);

    /** The same figures read from {@code database} now, on the server of {@code protectedDatabase}. */
    List<TableChecksum> tables(String protectedDatabase, String database) throws SQLException;

    /**
     * Restores the backup into the new database {@code target}, its SHA-256 checked first, and says which copy it read:
     * from {@link Tier#TERTIARY}, its copy there; from {@link Tier#PRIMARY}, its own copy (in the tier its dump was
     * written to), or a proven copy in another tier when that one cannot be read.
     */
    String restore(String backupId, Tier tier, String target) throws Exception;

    /**
     * Empties {@code tables} (bare names) in {@code target} and restores only their rows, read from the copy
     * {@link #restore} from {@link Tier#PRIMARY} would read; which copy that was.
     */
    String restoreTables(String backupId, String target, List<String> tables) throws Exception;

    /** How {@code database} differs from the backup's manifest; empty when every table matches. */
    Optional<Mismatch> compare(String backupId, String database) throws SQLException;

    // --- point-in-time recovery (the random-moment drill) ---

    /**
     * The earliest instant the server of {@code protectedDatabase} can be restored to from its WAL archive; empty
     * while point-in-time recovery is not set up there or has no base backup.
     */
    Optional<Instant> restorableFrom(String protectedDatabase);

    /** Takes a base backup of that server to every tier now, on this thread. */
    void takeBaseBackup(String actor);

    /**
     * The restore point the incident flow offers for damage that began at {@code damageAt}: the instant just before
     * it, when the WAL archive reaches that far back.
     */
    Optional<Instant> instantBefore(Instant damageAt);

    /**
     * Restores {@code database} (on the protected server) as it was at {@code toTime} into the new database
     * {@code target} through point-in-time recovery, on this thread.
     */
    InstantRestore restoreToInstant(String database, Instant toTime, String target, String actor);

    /** The host's calendar and its weekly verification, which the drills' test schedule shows too. */
    Verification verificationSchedule();

    enum Tier { PRIMARY, TERTIARY }

    /** {@code status}: COPIED, or FAILED with its {@code failure}. */
    record TierCopy(String status, String failure) {
    }

    /** The failed check of the manifest comparison and what it found. */
    record Mismatch(String check, String detail) {
    }

    /**
     * A restore to an instant: {@code restored}, else {@code failure} says why; {@code reachedAt} the commit time of the
     * last transaction replayed; the tables and rows counted; the application checks run and those failing.
     */
    record InstantRestore(boolean restored, Instant reachedAt, String baseBackupLabel, int tables, long rows,
                          int checks, List<String> checksFailing, String failure) {
    }

    /** {@code zone}: the time zone of every schedule; {@code cron}: the weekly verification's. */
    record Verification(String zone, String cron, boolean enabled) {
    }
}
