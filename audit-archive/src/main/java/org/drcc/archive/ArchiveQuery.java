package org.drcc.archive;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import org.drcc.kit.privacy.PersonalDataCipher;

/**
 * Filters of a replay from the archive; null means "any". {@code to} is exclusive. An actor is found by
 * name in events archived in clear, and by {@code actorSubject} (their keyring subject) where sealed.
 */
record ArchiveQuery(String topic, String incidentId, String actor, UUID actorSubject, String type, Instant from,
                    Instant to) {

    static ArchiveQuery range(Instant from, Instant to) {
        return new ArchiveQuery(null, null, null, null, null, from, to);
    }

    /** A segment whose newest record reached Kafka before {@code from} holds nothing that occurred later. */
    boolean mayHold(SegmentCheckpoint segment) {
        return (topic == null || topic.equals(segment.topic())) && (from == null || !segment.lastTime().isBefore(from));
    }

    boolean matches(JsonNode line) {
        JsonNode payload = line.path("payload");
        if (topic != null && !topic.equals(line.path("topic").asText())) {
            return false;
        }
        if (type != null && !type.equals(line.path("headers").path("ce_type").asText())) {
            return false;
        }
        if (incidentId != null && !incidentId.equals(payload.path("incidentId").asText(null))) {
            return false;
        }
        if (actor != null && !isActor(payload.path("actor").asText(null))) {
            return false;
        }
        Instant at = occurredAt(line);
        return (from == null || !at.isBefore(from)) && (to == null || at.isBefore(to));
    }

    private boolean isActor(String value) {
        return actor.equals(value)
                || actorSubject != null && PersonalDataCipher.subjectOf(value).filter(actorSubject::equals).isPresent();
    }

    /** When it happened: the event's own occurredAt, else its CloudEvent time, else when Kafka got it. */
    static Instant occurredAt(JsonNode line) {
        for (String text : new String[] {line.path("payload").path("occurredAt").asText(null),
                line.path("headers").path("ce_time").asText(null), line.path("timestamp").asText(null)}) {
            if (text != null) {
                try {
                    return Instant.parse(text);
                } catch (DateTimeParseException ignored) {
                    // try the next one
                }
            }
        }
        return Instant.EPOCH;
    }
}
