package org.drcc.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Backs up the command centre's own databases now, through backup-service's API like any protected database (so
 * the dump, its manifest, the tier copies, the catalogue objects and the verification by restore all apply), one
 * after the other and backup-service's own database last, and waits until each is verified and in every tier.
 */
@Command(name = "backup", mixinStandardHelpOptions = true,
        description = {"Back up the command centre's own databases now (keyring, incident, notification, metrics, "
                + "keycloak where backup-service protects it, then backup-service's own), each verified by restore and copied to every tier before the next.",
                "backup-service also does this by itself on its schedule (hourly, at :30 and :45)."})
class SelfBackupCommand implements Callable<Integer> {

    /** Copies a backup has in every tier: one in each tier but the one it was written to (the primary, unless gone). */
    private static final int COPIES = 2;

    @Mixin
    Services services;

    @Mixin
    Output output;

    @Option(names = "--timeout", defaultValue = "PT30M", paramLabel = "DURATION",
            description = "How long to wait for each database's backup to be verified and copied (default: ${DEFAULT-VALUE}).")
    Duration timeout;

    @Override
    public Integer call() throws InterruptedException {
        Api backups = services.backups();
        List<String> protectedDatabases = new ArrayList<>();
        backups.get("/api/policies", Map.of()).forEach(policy -> protectedDatabases.add(policy.path("database").asText()));
        for (String database : CommandCentreDatabases.toBackUp(protectedDatabases)) {
            // the answer is the backup view: its id is backupId
            String id = backups.postOnce("/api/backups", Api.body("database", database)).path("backupId").asText();
            JsonNode done = awaitProven(backups, id, database);
            output.out.printf("%-13s backup %s  restore point %s  verified, written to %s, copied to %s%n", database,
                    id, done.path("snapshotAt").asText(), done.path("bucket").asText(), String.join(", ", copied(done)));
        }
        return 0;
    }

    /** Waits until the backup is verified by restore and copied to every tier; a failure on the way is a refusal. */
    private JsonNode awaitProven(Api backups, String id, String database) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            JsonNode backup = backups.get("/api/backups/" + id, Map.of());
            if ("FAILED".equals(backup.path("status").asText())) {
                throw new CliException(CliException.REFUSED, "the backup " + id + " of " + database + " failed: "
                        + backup.path("failure").asText());
            }
            if ("FAILED".equals(backup.path("verification").asText())) {
                throw new CliException(CliException.REFUSED, "the backup " + id + " of " + database
                        + " failed its verification (" + backup.path("verificationCheck").asText() + "): "
                        + backup.path("verificationDetail").asText());
            }
            if ("VERIFIED".equals(backup.path("verification").asText()) && copied(backup).size() >= COPIES) {
                return backup;
            }
            if (System.nanoTime() > deadline) {
                throw new CliException(CliException.REFUSED, "the backup " + id + " of " + database + " was not "
                        + "verified and copied to every tier within " + timeout + " (copied to " + copied(backup)
                        + "): see dr backup list");
            }
            Thread.sleep(1000);
        }
    }

    /** The tiers the backup has a proven copy in; the tier it was written to holds the dump itself, not a copy. */
    private static List<String> copied(JsonNode backup) {
        List<String> tiers = new ArrayList<>();
        for (JsonNode copy : backup.path("copies")) {
            String tier = copy.path("tier").asText();
            if ("COPIED".equals(copy.path("status").asText()) && !tiers.contains(tier)) {
                tiers.add(tier);
            }
        }
        return tiers;
    }
}
