package org.drcc.backup.postgres;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The PostgreSQL client tools, from the configured directory or else the PATH; their major version must match the server's. */
public class PgTools {

    /** "pg_dump (PostgreSQL) 15.18 (Debian 15.18-0+deb12u1)": the major is 15. */
    private static final Pattern MAJOR = Pattern.compile("\\) (\\d+)");

    private final String toolsDir;
    private volatile Integer dumpMajorVersion;

    public PgTools(String toolsDir) {
        this.toolsDir = toolsDir;
    }

    /**
     * {@code pg_dump -Fc} of the snapshot {@code snapshotId}, to its stdout; {@code uncompressed}: with
     * {@code --compress=0}, for a {@link ParallelArchiveCompressor} to compress.
     */
    public ToolProcess dump(PgTarget database, String snapshotId, boolean uncompressed) throws IOException {
        List<String> command = new ArrayList<>(List.of(tool("pg_dump"), "--format=custom", "--no-password",
                "--snapshot=" + snapshotId));
        if (uncompressed) {
            command.add("--compress=0");
        }
        command.add("--dbname=" + database.libpqUri());
        return ToolProcess.start("pg_dump", command, database.environment());
    }

    /** {@code pg_dump -Fc} of a whole database, to its stdout. */
    public ToolProcess dump(PgTarget database) throws IOException {
        return ToolProcess.start("pg_dump", List.of(tool("pg_dump"), "--format=custom", "--no-password",
                "--dbname=" + database.libpqUri()), database.environment());
    }

    /** {@code pg_restore} of an archive read from its stdin: one job, as a pipe allows. */
    public ToolProcess restoreFromStdin(PgTarget database) throws IOException {
        return restoreFromStdin(database, null);
    }

    /**
     * {@code pg_restore} of an archive read from its stdin, one job; with an {@code owner}, as that role
     * ({@code --role}) and with the archive's grants, as {@link #restoreFile} does.
     */
    public ToolProcess restoreFromStdin(PgTarget database, String owner) throws IOException {
        return ToolProcess.start("pg_restore", List.of(tool("pg_restore"), "--no-password", "--no-owner",
                owner == null ? "--no-privileges" : "--role=" + owner, "--exit-on-error",
                "--dbname=" + database.libpqUri()), database.environment());
    }

    /**
     * Restores {@code archive} into {@code target} on the server of {@code server} (whose database is the one backed
     * up): into a new database, or over the existing one when {@code overwrite}. As the owner
     * {@link PgServer#restoreOwner} names, where there is one: the new database is created owned by it, and
     * {@code pg_restore --role} creates every object as it, with the dump's grants, so that the database comes back
     * owned as the original, its application role's grants intact, even when this service connects as a restore role
     * of its own (docker-compose's {@code dr_backup}), not as the owner or a superuser. A new database that did not
     * restore in full would only mislead: it is dropped, so the name can be reused.
     */
    public void restore(PgTarget server, String target, Path archive, int jobs, boolean overwrite, long hours)
            throws Exception {
        String owner = PgServer.restoreOwner(server, target);
        boolean created = false;
        try {
            if (!overwrite) {
                PgServer.create(server, target, owner);
                created = true;
            }
            try (ToolProcess restore = restoreFile(server.withDatabase(target), archive, jobs, overwrite, owner)) {
                restore.awaitSuccess(hours, TimeUnit.HOURS);
            }
        } catch (Exception e) {
            if (created) {
                try {
                    PgServer.drop(server, target);
                } catch (Exception dropFailed) {
                    e.addSuppressed(dropFailed);
                }
            }
            throw e;
        }
    }

    /**
     * {@code pg_restore --jobs} of an archive file; {@code clean} drops what it restores first. With an {@code owner},
     * as that role ({@code --role}) and with the dump's grants; without, as the connecting role and without grants
     * (the roles they name may not exist where it restores).
     */
    ToolProcess restoreFile(PgTarget database, Path archive, int jobs, boolean clean, String owner) throws IOException {
        List<String> command = new ArrayList<>(List.of(tool("pg_restore"), "--no-password", "--no-owner",
                "--exit-on-error", "--jobs=" + Math.max(1, jobs)));
        command.add(owner == null ? "--no-privileges" : "--role=" + owner);
        if (clean) {
            command.addAll(List.of("--clean", "--if-exists"));
        }
        command.addAll(List.of("--dbname=" + database.libpqUri(), archive.toString()));
        return ToolProcess.start("pg_restore", command, database.environment());
    }

    /** {@code pg_restore --data-only} of only the named tables (bare names) into a database that has them. */
    public ToolProcess restoreTableData(PgTarget database, Path archive, List<String> tables) throws IOException {
        List<String> command = new ArrayList<>(List.of(tool("pg_restore"), "--no-password", "--no-owner",
                "--no-privileges", "--exit-on-error", "--data-only"));
        tables.forEach(t -> command.add("--table=" + t));
        command.addAll(List.of("--dbname=" + database.libpqUri(), archive.toString()));
        return ToolProcess.start("pg_restore", command, database.environment());
    }

    /** pg_dump's major version, read once from {@code pg_dump --version}; 0 if it says none. */
    public int dumpMajorVersion() throws IOException, InterruptedException {
        Integer major = dumpMajorVersion;
        if (major == null) {
            Process process = new ProcessBuilder(tool("pg_dump"), "--version").redirectErrorStream(true).start();
            String says = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            process.waitFor(30, TimeUnit.SECONDS);
            Matcher version = MAJOR.matcher(says);
            major = version.find() ? Integer.parseInt(version.group(1)) : 0;
            dumpMajorVersion = major;
        }
        return major;
    }

    private String tool(String name) {
        return toolsDir == null || toolsDir.isBlank() ? name : Path.of(toolsDir).resolve(name).toString();
    }
}
