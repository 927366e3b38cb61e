package org.drcc.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.drcc.engines.Engines;
import org.drcc.testsupport.WithEngines;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** The incident service on the embedded engines, including a Kafka outage. */
@WithEngines(database = "incident")
class IncidentServiceIT extends IncidentDeclarationChecks {

    @Test
    void anEventStoredWhileKafkaIsDownIsPublishedWhenItReturns(Engines engines) {
        engines.kafka().kill();
        String id;
        try {
            ResponseEntity<Map<String, Object>> created = declare("Declared during a Kafka outage");
            assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
            id = (String) created.getBody().get("id");
        } finally {
            engines.restartKafka();
        }
        assertThat(awaitRecord(id, Duration.ofSeconds(120)).value()).contains("Declared during a Kafka outage");
    }
}
