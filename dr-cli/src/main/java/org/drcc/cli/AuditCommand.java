package org.drcc.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "audit", mixinStandardHelpOptions = true, description = "Prove the audit trail untouched.")
class AuditCommand {

    @Mixin
    Services services;

    @Mixin
    Output output;

    private static final java.time.Duration ARCHIVE_VERIFY_WAIT = java.time.Duration.ofHours(1);

    /**
     * Exit code 4 when the trail is broken, so a scheduled check can alert on it; 1 when a copy of the archive could not
     * be read (its store unreachable), after every other copy was checked.
     */
    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = "Recompute the hash chains of the incident, backup and notification event stores and check their "
                    + "signed checkpoints; then check the archive of every topic, segment by segment, in each of its "
                    + "copies (the primary, and the off-site copy where one is written). Exit code 4: something is "
                    + "broken; 1: a copy could not be read (its store unreachable, or no answer within an hour), the "
                    + "others were checked.")
    int verify(@Option(names = "--copy", description = "check only this copy of the archive (primary, offsite); "
                       + "default: every copy incident-service writes") String copy) {
        boolean intact = verify("incident", services.incidents());
        intact &= verify("backup", services.backups());
        intact &= verify("notification", services.notifications());
        Api incidents = services.incidents();
        List<String> copies = new ArrayList<>();
        if (copy != null) {
            copies.add(copy);
        } else {
            incidents.get("/api/audit/archive/copies", Map.of()).forEach(c -> copies.add(c.get("name").asText()));
        }
        boolean unchecked = false;
        for (String each : copies) {
            try {
                intact &= verifyArchive(incidents, each);
            } catch (CliException refused) {
                if (refused.exitCode() != CliException.REFUSED && !refused.unanswered()) {
                    throw refused; // incident-service itself is out of reach: no copy can be checked
                }
                // the day the primary site is gone its store does not answer; the off-site copy is checked all the same
                (output.json ? System.err : output.out).printf("archive (%s copy) NOT CHECKED: %s%n", each,
                        refused.getMessage());
                unchecked = true;
            }
        }
        return !intact ? 4 : unchecked ? CliException.REFUSED : 0;
    }

    /** The zip an auditor checks alone; how is in its README.txt. */
    @Command(name = "evidence", mixinStandardHelpOptions = true,
            description = "Save the signed evidence pack of a time range (events, backup verifications, drills, chain "
                    + "verification, SOC 2 / ISO 27001 mapping) as a zip.")
    int evidence(@Option(names = "--from", required = true, description = "start, an ISO instant (2026-01-01T00:00:00Z)") Instant from,
                 @Option(names = "--to", required = true, description = "end, exclusive") Instant to,
                 @Option(names = {"-o", "--output"}, required = true, description = "the zip to write") Path output,
                 @Option(names = "--copy", defaultValue = "primary", description = "the archive's copy to read the events "
                         + "from: primary, or offsite when the primary's store is lost (default: ${DEFAULT-VALUE})") String copy) {
        long bytes = services.incidents().download("/api/audit/evidence", Map.of("from", from, "to", to, "copy", copy),
                "application/zip", output);
        this.output.out.printf("evidence pack %s .. %s saved to %s (%d bytes); check it with the steps in its README.txt%n",
                from, to, output, bytes);
        return 0;
    }

    private boolean verifyArchive(Api api, String copy) {
        // every segment of seven years is read again: minutes, and more on a slow store; a store that does not answer
        // at all is refused by the service in a few minutes (its S3 client's timeouts)
        JsonNode report = api.get("/api/audit/archive/verify", Map.of("copy", copy), ARCHIVE_VERIFY_WAIT);
        if (output.json) {
            output.out.println(report.toPrettyString());
        } else if (report.get("intact").asBoolean()) {
            output.out.printf("archive (%s copy) intact: %d segments, %d events, %d partitions%n", copy,
                    report.get("segmentsChecked").asLong(), report.get("eventsChecked").asLong(),
                    report.get("partitions").asLong());
        } else {
            JsonNode broken = report.get("firstBreak");
            output.out.printf("archive (%s copy) BROKEN: %s at %s: %s%n", copy, Output.text(broken.get("kind")),
                    Output.text(broken.get("object")), Output.text(broken.get("detail")));
        }
        if (!output.json) {
            // one line per Kafka cluster whose chains the archive holds: a new cluster after a restore starts its own
            report.path("clusters").forEach(cluster -> output.out.printf("  Kafka cluster %s%s: %d segments, %d events, "
                            + "%d partitions, %s .. %s, %s%n", Output.text(cluster.get("cluster")),
                    cluster.path("current").asBoolean() ? " (current)" : "",
                    cluster.path("segmentsChecked").asLong(), cluster.path("eventsChecked").asLong(),
                    cluster.path("partitions").asLong(), Output.text(cluster.get("firstTime")),
                    Output.text(cluster.get("lastTime")), cluster.path("intact").asBoolean() ? "intact"
                            : "BROKEN: " + Output.text(cluster.path("firstBreak").get("kind"))));
        }
        report.path("notes").forEach(note -> output.out.println("archive note: " + note.asText()));
        return report.get("intact").asBoolean();
    }

    private boolean verify(String store, Api api) {
        JsonNode report = api.get("/api/audit/verify", Map.of());
        if (output.json) {
            output.out.println(report.toPrettyString());
        } else if (report.get("intact").asBoolean()) {
            output.out.printf("%s trail intact: %d events, %d signed checkpoints, head %s%s%n", store,
                    report.get("eventsChecked").asLong(), report.get("checkpointsChecked").asLong(),
                    report.get("headHash").asText(), pending(report));
        } else {
            JsonNode broken = report.get("firstBreak");
            output.out.printf("%s trail BROKEN: %s at link %s (event %s): %s%n", store, Output.text(broken.get("kind")),
                    Output.text(broken.get("chainSeq")), Output.text(broken.get("eventIdentifier")),
                    Output.text(broken.get("detail")));
        }
        return report.get("intact").asBoolean();
    }

    /** Events stored after the linker's last turn: linked within a moment, so named but not a break. */
    private static String pending(JsonNode report) {
        long pending = report.path("eventsPending").asLong();
        return pending == 0 ? "" : "; " + pending + " stored since, not yet linked";
    }
}
