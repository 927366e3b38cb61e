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

    /** The request is kept in the keyring every service shares: one service records it for all. */
    @Command(name = "forget", mixinStandardHelpOptions = true,
            description = "Request that a person be forgotten (GDPR Art. 17). Nothing is erased until a second person "
                    + "with the security role confirms: dr privacy confirm ERASURE-ID PERSON. Refused for yourself and "
                    + "for a person under a legal hold. Needs the security role.")
    int forget(@Parameters(paramLabel = "PERSON", description = "their user name or address, as it appears in events") String person,
               @Option(names = "--reason", required = true, description = "the erasure request's reference, recorded in the events")
               String reason) {
        JsonNode ticket = services.incidents().post("/api/privacy/erasures", Api.body("identifier", person, "reason", reason));
        if (output.json) {
            output.out.println(ticket.toPrettyString());
        } else {
            output.out.printf("Erasure %s requested by %s: PENDING. A second person with the security role confirms it:%n"
                    + "  dr privacy confirm %s <PERSON>%n", ticket.path("erasureId").asText(),
                    ticket.path("requestedBy").asText(), ticket.path("erasureId").asText());
        }
        return 0;
    }

    /** The keyring is shared: one service re-wraps it for all; the others read the changed key file by themselves. */
    @Command(name = "rotate-kek", mixinStandardHelpOptions = true,
            description = "Rotate the keyring's key-encryption key: re-wrap every person's key with the keyset's primary "
                    + "key. With --new-key, first add a new key to the keyset file and make it primary (the local suite, "
                    + "whose file is ~/.drcc/keyring-kek.json). Needs the security role.")
    int rotateKek(@Option(names = "--new-key", description = "add a new primary key to the keyset file first") boolean newKey) {
        JsonNode rotation = services.incidents().post("/api/privacy/keyring/rotate?newKey=" + newKey, Api.body());
        if (output.json) {
            output.out.println(rotation.toPrettyString());
        } else {
            output.out.printf("Key-encryption key %s wraps the keyring; %d rows re-wrapped%n",
                    rotation.path("kekId").asText(), rotation.path("rewrapped").asInt());
        }
        return 0;
    }

    /**
     * Every service overwrites the person in its read models; the first destroys the person's key, which
     * all of them share. A service that cannot be reached is reported and the command fails: running it
     * again is safe and finishes the job.
     */
    @Command(name = "confirm", mixinStandardHelpOptions = true,
            description = "Confirm someone else's erasure request and carry it out: destroy the person's key, so their "
                    + "name, user name or address reads [forgotten] in every stored event, on Kafka and in the archive, "
                    + "and overwrite it in every service's read models. The events and their hash chains stay intact. "
                    + "Needs the security role; the requester cannot confirm.")
    int confirm(@Parameters(index = "0", paramLabel = "ERASURE-ID", description = "from dr privacy forget") String erasureId,
                @Parameters(index = "1", paramLabel = "PERSON", description = "the person again, as the request named them")
                String person) {
        Map<String, Api> all = new LinkedHashMap<>();
        all.put("notification-service", services.notifications());
        all.put("backup-service", services.backups());
        all.put("metrics-service", services.metrics());
        all.put("incident-service", services.incidents());
        boolean complete = true;
        for (Map.Entry<String, Api> service : all.entrySet()) {
            try {
                JsonNode report = service.getValue().post("/api/privacy/erasures/" + erasureId + "/confirm",
                        Api.body("identifier", person));
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
