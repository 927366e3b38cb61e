package org.drcc.backup.drill.job;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.drcc.backup.config.BackupProperties;
import org.drcc.backup.postgres.Manifest;
import org.drcc.backup.postgres.PgServer;
import org.drcc.backup.postgres.PgTarget;
import org.drcc.backup.postgres.PgTools;
import org.drcc.backup.postgres.ToolProcess;
import org.drcc.backup.query.BackupSummary;
import org.drcc.backup.storage.ObjectStore;
import org.drcc.backup.storage.Sha256;
import org.drcc.backup.storage.StoredObject;
import org.drcc.contract.backup.TableChecksum;
import org.springframework.stereotype.Component;

/**
 * The drill's scratch databases, all named {@code drill_…} on the protected database's server: restored from a
 * backup's object in any tier (its SHA-256 checked first), damaged, measured and dropped. Nothing here takes
 * the protected database's name: {@link #requireScratch} refuses any other.
 */
@Component
class DrillDatabases {

    static final String PREFIX = "drill_";

    private final PgTools tools;
    private final ObjectStore store;
    private final int jobs;

    DrillDatabases(PgTools tools, ObjectStore store, BackupProperties properties) {
        this.tools = tools;
        this.store = store;
        this.jobs = properties.restoreJobs();
    }

    /** Restores the backup's object in {@code bucket} into the new database {@code target}. */
    void restore(BackupSummary backup, String bucket, PgTarget server, String target) throws Exception {
        requireScratch(target);
        Path archive = download(backup, bucket);
        try {
            PgServer.create(server, target);
            try (ToolProcess restore = tools.restoreFile(server.withDatabase(target), archive, jobs, false)) {
                restore.awaitSuccess(1, TimeUnit.HOURS);
            }
        } finally {
            Files.deleteIfExists(archive);
        }
    }

    /** Empties {@code tables} (bare names) in {@code target} and restores only their rows from the backup. */
    void restoreTables(BackupSummary backup, PgTarget server, String target, List<String> tables) throws Exception {
        requireScratch(target);
        Path archive = download(backup, backup.bucket());
        try {
            execute(server, target, "TRUNCATE " + String.join(", ", tables));
            try (ToolProcess restore = tools.restoreTableData(server.withDatabase(target), archive, tables)) {
                restore.awaitSuccess(1, TimeUnit.HOURS);
            }
        } finally {
            Files.deleteIfExists(archive);
        }
    }

    List<TableChecksum> manifest(PgTarget server, String database) throws SQLException {
        requireScratch(database);
        try (Connection c = server.withDatabase(database).connect()) {
            return Manifest.read(c);
        }
    }

    void execute(PgTarget server, String database, String... statements) throws SQLException {
        requireScratch(database);
        try (Connection c = server.withDatabase(database).connect(); Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }

    /** Drops each; returns the ones that could not be dropped. */
    List<String> dropAll(PgTarget server, List<String> databases) {
        List<String> left = new ArrayList<>();
        for (String database : databases) {
            try {
                requireScratch(database);
                PgServer.drop(server, database);
            } catch (Exception e) {
                left.add(database);
            }
        }
        return left;
    }

    /** Every drill database on the server, as a crashed or failed drill may have left them. */
    List<String> leftOver(PgTarget server) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Connection c = server.connect();
             var rs = c.createStatement().executeQuery("SELECT datname FROM pg_database WHERE datname LIKE 'drill\\_%'")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }

    static void requireScratch(String database) {
        if (!database.startsWith(PREFIX) || !PgTarget.PLAIN_NAME.matcher(database).matches()) {
            throw new IllegalArgumentException("a drill only touches its own drill_ databases, not " + database);
        }
    }

    private Path download(BackupSummary backup, String bucket) throws Exception {
        Path archive = Files.createTempFile("dr-drill-", ".dump");
        StoredObject read;
        try (Sha256 in = new Sha256(store.open(bucket, backup.objectKey()))) {
            Files.copy(in, archive, StandardCopyOption.REPLACE_EXISTING);
            read = in.measured();
        } catch (Exception e) {
            Files.deleteIfExists(archive);
            throw e;
        }
        if (!read.sha256().equals(backup.sha256())) {
            Files.deleteIfExists(archive);
            throw new IllegalStateException("s3://" + bucket + "/" + backup.objectKey() + " reads with SHA-256 "
                    + read.sha256() + " but the backup was stored with " + backup.sha256());
        }
        return archive;
    }
}
