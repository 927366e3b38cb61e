package org.drcc.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.drcc.contract.Topics;
import org.drcc.testsupport.TestEvents;
import org.drcc.testsupport.WithEngines;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import software.amazon.awssdk.services.s3.S3Client;

/** The monthly report on the real engines: from events on Kafka to objects in S3, served back by the API. */
@WithEngines(database = "metrics")
@AutoConfigureObservability
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MetricsReportIT {

    private static final Duration H = Duration.ofHours(1);

    @Autowired
    TestRestTemplate http;

    @org.junit.jupiter.api.BeforeEach
    void signIn() {
        org.drcc.testsupport.TestTokens.signIn(http, org.drcc.kit.security.Roles.DR_LEAD, "dana");
    }

    @Autowired
    S3Client s3;

    @Test
    void theMonthlyReportIsGeneratedIntoS3AndServedInBothFormats() throws Exception {
        String real = UUID.randomUUID().toString();
        try (TestEvents events = new TestEvents(System.getProperty("spring.kafka.bootstrap-servers"))) {
            new Story(events, real, H, false, Instant.parse("2025-03-10T08:00:00Z")).declared()
                    .restored(H.multipliedBy(5), Duration.ofMinutes(20));
            new Story(events, UUID.randomUUID().toString(), H, true, Instant.parse("2025-03-20T08:00:00Z"))
                    .declared().restored(H, Duration.ZERO);
            events.awaitConsumed("metrics-service", Topics.INCIDENT_EVENTS, Duration.ofSeconds(60));
        }

        ResponseEntity<JsonNode> created = http.postForEntity("/api/metrics/reports/2025-03", null, JsonNode.class);

        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(created.getHeaders().getLocation()).hasToString("/api/metrics/reports/2025-03/report.html");
        String bucket = created.getBody().path("bucket").asText();
        String key = created.getBody().path("keys").path("MARKDOWN").asText();
        String stored = s3.getObjectAsBytes(b -> b.bucket(bucket).key(key)).asUtf8String();
        assertThat(stored).contains("| MTTR | < 4 h | 5 h 00 min | not met |")
                .contains("| RTO achievement | 100 % | 0.0 % (0 of 1) | not met |")
                .contains("| DR test success | 100 % | 100.0 % (1 of 1) | met |")
                .contains("| " + real + " | database-corruption | HIGH | real |");

        ResponseEntity<String> md = http.getForEntity("/api/metrics/reports/2025-03/report.md", String.class);
        assertThat(md.getHeaders().getContentType().toString()).startsWith("text/markdown");
        assertThat(md.getBody()).isEqualTo(stored);
        ResponseEntity<String> html = http.getForEntity("/api/metrics/reports/2025-03/report.html", String.class);
        assertThat(html.getHeaders().getContentType().toString()).startsWith("text/html");
        assertThat(html.getBody()).contains("<td>5 h 00 min</td>").contains("<td>" + real + "</td>");
    }

    @Test
    void aReportNotGeneratedIsNotFoundAndABadMonthIsNamed() {
        ResponseEntity<JsonNode> missing = http.getForEntity("/api/metrics/reports/2024-01/report.md", JsonNode.class);
        assertThat(missing.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        ResponseEntity<JsonNode> bad = http.postForEntity("/api/metrics/reports/2025-13", null, JsonNode.class);
        assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(bad.getBody().path("parameter").asText()).isEqualTo("month");
        ResponseEntity<JsonNode> future = http.postForEntity("/api/metrics/reports/2999-01", null, JsonNode.class);
        assertThat(future.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    }
}
