package org.drcc.cli;

import java.time.Instant;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "backup", mixinStandardHelpOptions = true, description = "Back up, verify and restore the protected databases.")
class BackupCommand {

    private static final String[] LIST = {"id", "database", "status", "verified", "startedAt", "sizeBytes"};

    @Mixin
    Services services;

    @Mixin
    Output output;

    @Command(name = "now", mixinStandardHelpOptions = true, description = "Start a backup now.")
    int now(@Option(names = "--database", defaultValue = "foodtruck") String database) {
        output.fields(services.backups().post("/api/backups", Api.body("database", database)), "id", "database", "status");
        return 0;
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "The backups, newest first.")
    int list(@Option(names = "--database") String database, @Option(names = "--status") String status,
             @Option(names = "--verified") Boolean verified, @Option(names = "--limit", defaultValue = "20") int limit) {
        output.print(services.backups().get("/api/backups", IncidentCommand.query("database", database,
                "status", status, "verified", verified, "limit", limit)), LIST);
        return 0;
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "One backup, with its checksum and manifest.")
    int show(@Parameters(paramLabel = "ID") String id) {
        output.out.println(services.backups().get("/api/backups/" + id, java.util.Map.of()).toPrettyString());
        return 0;
    }

    @Command(name = "verify", mixinStandardHelpOptions = true, description = "Verify a backup by restoring it into a scratch database.")
    int verify(@Parameters(paramLabel = "ID") String id) {
        output.out.println(services.backups().post("/api/backups/" + id + "/verify", java.util.Map.of()).toPrettyString());
        return 0;
    }

    @Command(name = "restore", mixinStandardHelpOptions = true,
            description = {"Restore a backup into a new database, or over the protected one with --confirm-overwrite.",
                    "Name the backup by ID, or let --before pick the newest verified backup taken before an instant "
                            + "(say, the suspected start of the damage)."})
    int restore(@Parameters(paramLabel = "ID", arity = "0..1", description = "The backup to restore.") String id,
                @Option(names = "--before", paramLabel = "INSTANT",
                        description = "Instead of an ID: the newest verified backup taken before this ISO-8601 instant "
                                + "(2026-11-25T09:00:00Z).") Instant before,
                @Option(names = "--database", description = "With --before: the protected database (default: foodtruck).")
                String database,
                @Option(names = "--target-database") String target,
                @Option(names = "--confirm-overwrite", description = "Replace the live protected database.") boolean confirm,
                @Option(names = "--from", paramLabel = "TIER", description = "The copy to read: primary, secondary or "
                        + "tertiary. Default: the first copy that is reachable and checks out; the restore says which.")
                String from) {
        if ((id == null) == (before == null)) {
            throw new CliException(CliException.USAGE, "name the backup to restore: a backup ID or --before <instant>, not "
                    + (id == null ? "neither" : "both"));
        }
        if (id != null) {
            if (database != null) {
                throw new CliException(CliException.USAGE, "--database goes with --before; backup " + id
                        + " is of one database already");
            }
            output.out.println(services.backups().post("/api/backups/" + id + "/restore",
                    Api.body("targetDatabase", target, "confirmOverwrite", confirm, "from", from)).toPrettyString());
            return 0;
        }
        output.out.println(services.backups().post("/api/restores", Api.body("database",
                database == null ? "foodtruck" : database, "before", before.toString(), "targetDatabase", target,
                "confirmOverwrite", confirm, "from", from)).toPrettyString());
        return 0;
    }
}
