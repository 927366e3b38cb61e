package org.drcc.console.live;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.drcc.contract.Topics;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * The suite's events as "something changed" for the pages: an incident's events (keyed by its id) and its
 * notifications (which name it) for its room and the board; backup and drill events for their pages. Each console
 * instance reads them all in a consumer group of its own, from the newest record on: what happened before a page
 * was opened is in what the page read from the APIs.
 */
@Component
class SuiteEvents {

    private final Channels channels;
    private final ObjectMapper json;

    SuiteEvents(Channels channels, ObjectMapper json) {
        this.channels = channels;
        this.json = json;
    }

    @KafkaListener(topics = {Topics.INCIDENT_EVENTS, Topics.NOTIFICATION_EVENTS, Topics.BACKUP_EVENTS, Topics.DRILL_EVENTS},
            groupId = "operator-console-#{T(java.util.UUID).randomUUID()}",
            properties = {"auto.offset.reset=latest", "enable.auto.commit=true"})
    void on(ConsumerRecord<String, String> record) {
        String type = type(record);
        switch (record.topic()) {
            case Topics.INCIDENT_EVENTS -> incident(record.key(), type);
            case Topics.NOTIFICATION_EVENTS -> incident(incidentId(record.value()), type);
            case Topics.BACKUP_EVENTS -> channels.changed("backups", type);
            case Topics.DRILL_EVENTS -> channels.changed("drills", type);
            default -> {
            }
        }
    }

    private void incident(String incidentId, String type) {
        channels.changed("board", type);
        if (incidentId != null) {
            channels.changed("incident:" + incidentId, type);
        }
    }

    private String incidentId(String value) {
        try {
            JsonNode event = json.readTree(value == null ? "{}" : value);
            return event.hasNonNull("incidentId") ? event.get("incidentId").asText() : null;
        } catch (IOException notJson) {
            return null;
        }
    }

    private static String type(ConsumerRecord<String, String> record) {
        Header type = record.headers().lastHeader("ce_type");
        return type == null ? record.topic() : new String(type.value(), StandardCharsets.UTF_8);
    }
}
