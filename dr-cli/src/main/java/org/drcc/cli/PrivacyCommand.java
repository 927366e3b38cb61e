package org.drcc.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "privacy", mixinStandardHelpOptions = true, description = "Personal data in the trail (GDPR).")
class PrivacyCommand {

    @Mixin
    Services services;

    @Mixin
    Output output;

    /**
     * Every service overwrites the person in its read models; the first destroys the person's key, which
     * all of them share. A service that cannot be reached is reported and the command fails: running it
     * again is safe and finishes the job.
     */
    @Command(name = "forget", mixinStandardHelpOptions = true,
            description = "Forget a person (GDPR Art. 17): destroy their key, so their name, user name or address reads "
                    + "[forgotten] in every stored event, on Kafka and in the archive, and overwrite it in every "
                    + "service's read models. The events and their hash chains stay intact. Needs the security role.")
    int forget(@Parameters(paramLabel = "PERSON", description = "their user name or address, as it appears in events") String person,
               @Option(names = "--reason", required = true, description = "the erasure request's reference, recorded in the event")
               String reason) {
        Map<String, Api> all = new LinkedHashMap<>();
        all.put("notification-service", services.notifications());
        all.put("backup-service", services.backups());
        all.put("metrics-service", services.metrics());
        all.put("incident-service", services.incidents());
        boolean complete = true;
        for (Map.Entry<String, Api> service : all.entrySet()) {
            try {
                JsonNode report = service.getValue().post("/api/privacy/forget", Api.body("identifier", person, "reason", reason));
                if (output.json) {
                    output.out.println(report.toPrettyString());
                } else {
                    output.out.printf("%-21s %d read-model rows overwritten%s%n", service.getKey(),
                            report.path("rowsScrubbed").asInt(),
                            report.path("keyDestroyed").asBoolean() ? "; key destroyed (subject " + report.path("subjectId").asText() + ")" : "");
                }
            } catch (CliException e) {
                complete = false;
                output.out.printf("%-21s NOT DONE: %s%n", service.getKey(), e.getMessage());
            }
        }
        if (!complete) {
            throw new CliException(CliException.REFUSED, "the erasure is incomplete; run the same command again when the "
                    + "services above are back (it is safe to repeat)");
        }
        return 0;
    }
}
