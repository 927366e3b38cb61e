package org.drcc.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "backup", mixinStandardHelpOptions = true, description = "Back up, verify and restore the protected databases.",
        subcommands = BackupCommand.Catalog.class)
class BackupCommand {

    // the fields GET /api/backups answers, by their names there
    private static final JsonNode MISSING = com.fasterxml.jackson.databind.node.MissingNode.getInstance();

    private static final String[] LIST = {"backupId", "database", "status", "verification", "startedAt", "sizeBytes"};

    @Mixin
    Services services;

    @Mixin
    Output output;

    @Command(name = "now", mixinStandardHelpOptions = true, description = "Start a backup now; --wait follows it to the end.")
    int now(@Option(names = "--database", defaultValue = "foodtruck") String database, @Mixin WaitOptions wait) {
        JsonNode started = services.backups().postOnce("/api/backups", Api.body("database", database));
        output.fields(started, "backupId", "database", "status");
        if (!wait.wait) {
            return 0;
        }
        String id = started.get("backupId").asText();
        return wait.watch(output).follow("backup " + id, () -> {
            JsonNode backup = backup(id);
            String status = backup.path("status").asText();
            return new JobWatch.State(status, size(backup), !"RUNNING".equals(status), "COMPLETED".equals(status),
                    Output.text(backup.get("failure")));
        }, "dr backup show " + id);
    }

    @Command(name = "base", mixinStandardHelpOptions = true,
            description = {"Take a base backup of the protected server's cluster for point-in-time recovery now "
                    + "(pgBackRest, to each tier's repository in turn), besides the schedule's; --wait follows it until "
                    + "every tier has its outcome.",
                    "Exit 0 when it completed in every tier, 6 when it failed in any (each tier's failure is printed).",
                    "The day after the protected server was lost, once backup-service points at its replacement (a new "
                            + "cluster, whose WAL pgBackRest refuses into the lost one's stanza): --adopt-server with "
                            + "the replacement's system identifier upgrades the stanza to it first."})
    int base(@Option(names = "--adopt-server", paramLabel = "SYSTEM-ID", description = "The replacement server's system "
                     + "identifier (psql on it: SELECT system_identifier FROM pg_control_system()), confirming it is the "
                     + "one to archive from now on.") String adopt,
             @Mixin WaitOptions wait) {
        JsonNode started = services.backups().postOnce("/api/base-backups",
                adopt == null ? java.util.Map.of() : Api.body("adoptServer", adopt));
        output.fields(started, "backupId", "database");
        if (!wait.wait) {
            return 0;
        }
        String id = started.get("backupId").asText();
        // the tiers the service names (a service before it named them: its three)
        int expected = started.path("tiers").size() > 0 ? started.path("tiers").size() : BASE_BACKUP_TIERS;
        return wait.watch(output).follow("base backup " + id, () -> {
            java.util.List<String> tiers = new java.util.ArrayList<>();
            java.util.List<String> failures = new java.util.ArrayList<>();
            boolean failedBeforeAnyTier = false;
            for (JsonNode row : services.backups().get("/api/base-backups", java.util.Map.<String, Object>of("limit", 60))) {
                if (id.equals(row.path("backupId").asText())) {
                    String tier = row.path("repository").asText();
                    tiers.add(tier);
                    failedBeforeAnyTier |= "-".equals(tier);
                    if (!"COMPLETED".equals(row.path("status").asText())) {
                        failures.add(tier + ": " + row.path("status").asText() + " " + Output.text(row.get("failure")));
                    }
                }
            }
            // one row per tier's repository once it ended there; one named "-" when it failed before any tier
            boolean done = tiers.size() >= expected || failedBeforeAnyTier;
            String status = !done ? "RUNNING (" + tiers.size() + " of " + expected + " tiers)"
                    : failures.isEmpty() ? "COMPLETED" : "FAILED";
            return new JobWatch.State(status, null, done, done && failures.isEmpty(), String.join("; ", failures));
        }, "curl /api/base-backups");
    }

    /** The tiers of a backup-service that does not name them in its answer: a pgBackRest repository in each of three. */
    private static final int BASE_BACKUP_TIERS = 3;

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

    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = "Verify a backup by restoring it into a scratch database; --wait follows it to the end.")
    int verify(@Parameters(paramLabel = "ID") String id, @Mixin WaitOptions wait) {
        JsonNode accepted = services.backups().postOnce("/api/backups/" + id + "/verify", java.util.Map.of());
        output.out.println(accepted.toPrettyString());
        if (!wait.wait) {
            return 0;
        }
        // the verification that ends now is the one with a newer verifiedAt than the backup had when it was accepted
        String before = Output.text(accepted.get("verifiedAt"));
        return wait.watch(output).follow("verification of backup " + id, () -> {
            JsonNode backup = backup(id);
            boolean done = !Output.text(backup.get("verifiedAt")).equals(before);
            String verification = backup.path("verification").asText();
            return new JobWatch.State(done ? verification : "VERIFYING", size(backup), done, "VERIFIED".equals(verification),
                    Output.text(backup.get("verificationCheck")) + ": " + Output.text(backup.get("verificationDetail")));
        }, "dr backup show " + id);
    }

    @Command(name = "restore", mixinStandardHelpOptions = true,
            description = {"Restore a backup into a new database, or over the protected one with --confirm-overwrite.",
                    "Name the backup by ID, or let --before pick the newest verified backup taken before an instant "
                            + "(say, the suspected start of the damage), or restore the database as it was at an "
                            + "instant with --to-time (point-in-time recovery, into a new database), or as the WAL "
                            + "archive last holds it with --to-end-of-archive (the protected server lost)."})
    int restore(@Parameters(paramLabel = "ID", arity = "0..1", description = "The backup to restore.") String id,
                @Option(names = "--before", paramLabel = "INSTANT",
                        description = "Instead of an ID: the newest verified backup taken before this ISO-8601 instant "
                                + "(2026-11-25T09:00:00Z).") Instant before,
                @Option(names = "--to-time", paramLabel = "INSTANT",
                        description = "Instead of an ID or --before: the database as it was at this ISO-8601 instant, "
                                + "from the base backups and the archived WAL; says the exact instant reached.")
                Instant toTime,
                @Option(names = "--to-end-of-archive", description = "Instead of an ID, --before or --to-time: the "
                        + "protected server is lost; restore all the WAL archive holds, from --from or the tier whose "
                        + "archive reaches furthest, into a new or empty database on the server backup-service names for "
                        + "it (a replacement server: the protected database's own name may be given; never over data); "
                        + "says how far the archive reached.") boolean toEndOfArchive,
                @Option(names = "--database", description = "With --before, --to-time or --to-end-of-archive: the "
                        + "protected database (default: foodtruck).")
                String database,
                @Option(names = "--target-database") String target,
                @Option(names = "--confirm-overwrite", description = "Replace the live protected database.") boolean confirm,
                @Option(names = "--from", paramLabel = "TIER", description = "The copy to read: primary, secondary or "
                        + "tertiary. Default: the first copy that is reachable and checks out; the restore says which.")
                String from, @Mixin WaitOptions wait) {
        int ways = (id == null ? 0 : 1) + (before == null ? 0 : 1) + (toTime == null ? 0 : 1) + (toEndOfArchive ? 1 : 0);
        if (ways != 1) {
            throw new CliException(CliException.USAGE, "name what to restore: a backup ID, --before <instant>, "
                    + "--to-time <instant> or --to-end-of-archive, one of them (not " + (ways == 0 ? "none" : "several")
                    + ")");
        }
        if (toEndOfArchive) {
            return restoredToInstant(services.backups().postOnce("/api/restores", Api.body("database",
                    database == null ? "foodtruck" : database, "toEndOfArchive", true, "targetDatabase", target,
                    "confirmOverwrite", confirm, "from", from)), wait);
        }
        if (toTime != null) {
            return restoredToInstant(services.backups().postOnce("/api/restores", Api.body("database",
                    database == null ? "foodtruck" : database, "toTime", toTime.toString(), "targetDatabase", target,
                    "confirmOverwrite", confirm, "from", from)), wait);
        }
        if (id != null) {
            if (database != null) {
                throw new CliException(CliException.USAGE, "--database goes with --before; backup " + id
                        + " is of one database already");
            }
            return restored(services.backups().postOnce("/api/backups/" + id + "/restore",
                    Api.body("targetDatabase", target, "confirmOverwrite", confirm, "from", from)), wait);
        }
        return restored(services.backups().postOnce("/api/restores", Api.body("database",
                database == null ? "foodtruck" : database, "before", before.toString(), "targetDatabase", target,
                "confirmOverwrite", confirm, "from", from)), wait);
    }

    /** Prints the accepted restore; with --wait, follows it in its backup's restores until it ends. */
    private int restored(JsonNode accepted, WaitOptions wait) {
        output.out.println(accepted.toPrettyString());
        if (!wait.wait) {
            return 0;
        }
        String backupId = accepted.path("backupId").asText();
        String restoreId = accepted.path("restoreId").asText();
        return wait.watch(output).follow("restore " + restoreId + " of backup " + backupId + " into "
                + accepted.path("targetDatabase").asText(), () -> {
            JsonNode restore = MISSING;
            for (JsonNode r : backup(backupId).path("restores")) {
                if (restoreId.equals(r.path("restoreId").asText())) {
                    restore = r;
                }
            }
            String status = restore.isMissingNode() ? "ACCEPTED" : restore.path("status").asText();
            return new JobWatch.State(status, null, "RESTORED".equals(status) || "FAILED".equals(status),
                    "RESTORED".equals(status), Output.text(restore.get("failure")));
        }, "dr backup show " + backupId);
    }

    /** Prints the accepted restore to an instant; with --wait, follows it until it ends and says the instant reached. */
    private int restoredToInstant(JsonNode accepted, WaitOptions wait) {
        output.out.println(accepted.toPrettyString());
        if (!wait.wait) {
            return 0;
        }
        String restoreId = accepted.path("restoreId").asText();
        String to = accepted.path("toEndOfArchive").asBoolean() ? "to the end of the archive"
                : "as at " + accepted.path("toTime").asText();
        int exit = wait.watch(output).follow("restore " + restoreId + " of " + accepted.path("database").asText() + " "
                + to + " into " + accepted.path("targetDatabase").asText(), () -> {
            JsonNode restore = services.backups().get("/api/restores/" + restoreId, java.util.Map.of());
            String status = restore.path("status").asText();
            return new JobWatch.State(status, null, !"RUNNING".equals(status), "RESTORED".equals(status),
                    Output.text(restore.get("failure")));
        }, "curl /api/restores/" + restoreId);
        if (exit == 0) {
            output.fields(services.backups().get("/api/restores/" + restoreId, java.util.Map.of()), "restoreId",
                    "targetDatabase", "toTime", "toEndOfArchive", "reachedAt", "tier", "baseBackupLabel", "tables", "rows",
                    "applicationChecks", "applicationChecksFailing");
        }
        return exit;
    }

    private JsonNode backup(String id) {
        return services.backups().get("/api/backups/" + id, java.util.Map.of());
    }

    private static Long size(JsonNode backup) {
        return backup.hasNonNull("sizeBytes") ? backup.get("sizeBytes").asLong() : null;
    }

    @Command(name = "catalog", mixinStandardHelpOptions = true,
            description = "The catalogue objects beside the dumps (<dump>.catalog.json in every tier).")
    static class Catalog {

        /** Its --backup-url, --token and --json are the parent's, inherited: declaring them again would clash. */
        @ParentCommand
        BackupCommand backup;

        @Command(name = "rebuild", mixinStandardHelpOptions = true,
                description = {"Know the backups of a tier again from its bucket alone, as after the loss of "
                        + "backup-service's database: each backup the service does not know is imported if its dump "
                        + "reads with the SHA-256 and size its catalogue object recorded; a missing or altered dump is "
                        + "reported and not imported; known backups are skipped. Safe to run again.",
                        "Exit 0 when every catalogue object checked out or was known, 1 when any was not imported "
                                + "(each is listed with why)."})
        int rebuild(@Option(names = "--from", required = true, paramLabel = "TIER",
                            description = "primary, secondary or tertiary") String from,
                    @Option(names = "--timeout", defaultValue = "PT2H", paramLabel = "DURATION",
                            description = "How long to wait for the answer: the service reads each dump it imports "
                                    + "in full (default: ${DEFAULT-VALUE}).") Duration timeout) {
            JsonNode report = backup.services.backups().post("/api/catalog/rebuild", Api.body("from", from), timeout);
            Output output = backup.output;
            if (output.json) {
                output.out.println(report.toPrettyString());
            } else {
                output.out.printf("Rebuilt from the %s tier (%s): %d catalogue objects: %d imported, %d skipped as known, "
                                + "%d not imported%n", report.path("from").asText(), report.path("bucket").asText(),
                        report.path("found").asInt(), report.path("imported").size(),
                        report.path("skippedAsKnown").size(), report.path("notImported").size());
                if (!report.path("imported").isEmpty()) {
                    output.out.println();
                    output.print(report.path("imported"), "backupId", "database", "snapshotAt", "verification");
                }
                if (!report.path("notImported").isEmpty()) {
                    output.out.println();
                    // one line each, in full: the table would cut the reason at 60 characters
                    output.out.println("Not imported:");
                    report.path("notImported").forEach(n -> output.out.printf("  %s: %s%n",
                            n.path("catalogObject").asText(), n.path("reason").asText()));
                }
            }
            return report.path("notImported").isEmpty() ? 0 : CliException.REFUSED;
        }
    }
}
