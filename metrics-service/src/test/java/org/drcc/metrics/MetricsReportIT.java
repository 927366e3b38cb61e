package org.drcc.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.YearMonth;
import java.util.List;
import javax.imageio.ImageIO;
import org.drcc.metrics.report.MonthlyReportSchedule;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import java.time.Instant;
import java.util.UUID;
import org.drcc.contract.Topics;
import org.drcc.contract.drill.DrillPassedEvent;
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

    @Autowired
    MonthlyReportSchedule schedule;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theMonthlyReportIsGeneratedIntoS3AndServedInBothFormats() throws Exception {
        String real = UUID.randomUUID().toString();
        String drill = UUID.randomUUID().toString();
        try (TestEvents events = new TestEvents(System.getProperty("spring.kafka.bootstrap-servers"))) {
            new Story(events, real, H, false, Instant.parse("2025-03-10T08:00:00Z")).declared()
                    .restored(H.multipliedBy(5), Duration.ofMinutes(20));
            Story drillIncident = new Story(events, UUID.randomUUID().toString(), H, true,
                    Instant.parse("2025-03-20T08:00:00Z")).declared();
            drillIncident.restored(H, Duration.ZERO);
            events.publish(Topics.DRILL_EVENTS, drill, new DrillPassedEvent(drill, "database-corruption",
                    drillIncident.id, "b-1", drillIncident.damageStart, H, H.multipliedBy(2), Duration.ZERO, H, "dana",
                    Instant.parse("2025-03-20T09:00:00Z")));
            events.awaitConsumed("metrics-service", Topics.INCIDENT_EVENTS, Duration.ofSeconds(60));
            events.awaitConsumed("metrics-service", Topics.DRILL_EVENTS, Duration.ofSeconds(60));
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
                .contains("| " + real + " | database-corruption | HIGH | real |")
                .contains("| " + drill + " | database-corruption | – | – | 2025-03-20T09:00:00Z | passed |");

        ResponseEntity<String> md = http.getForEntity("/api/metrics/reports/2025-03/report.md", String.class);
        assertThat(md.getHeaders().getContentType().toString()).startsWith("text/markdown");
        assertThat(md.getBody()).isEqualTo(stored);
        ResponseEntity<String> html = http.getForEntity("/api/metrics/reports/2025-03/report.html", String.class);
        assertThat(html.getHeaders().getContentType().toString()).startsWith("text/html");
        assertThat(html.getBody()).contains("<td>5 h 00 min</td>").contains("<td>" + real + "</td>")
                .contains("<img src=\"targets.png\"", "<img src=\"recovery-times.png\"");

        // the charts: PNG objects next to the report in S3, linked by file name, served by the API
        assertThat(stored).contains("](targets.png)", "](recovery-times.png)");
        for (String chart : List.of("targets", "recovery-times")) {
            String chartKey = created.getBody().path("charts").path(chart.toUpperCase().replace('-', '_')).asText();
            assertThat(chartKey).isEqualTo("monthly/2025-03/" + chart + ".png");
            var object = s3.getObjectAsBytes(b -> b.bucket(bucket).key(chartKey));
            assertThat(object.response().contentType()).isEqualTo("image/png");
            assertPng(object.asByteArray());
            ResponseEntity<byte[]> served = http.getForEntity("/api/metrics/reports/2025-03/" + chart + ".png",
                    byte[].class);
            assertThat(served.getHeaders().getContentType()).isEqualTo(MediaType.IMAGE_PNG);
            assertThat(served.getBody()).isEqualTo(object.asByteArray());
        }
        assertThat(http.getForEntity("/api/metrics/reports/2025-03/pie.png", String.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    /**
     * The schedule's run for a month generates it once: a second run (another instance, or the same one
     * after a restart, on the same database) finds the month claimed and leaves the stored report alone.
     */
    @Test
    void theScheduledReportIsGeneratedOnceAMonth() {
        assertThat(schedule.generateOnce(YearMonth.of(2025, 4))).isTrue();
        String first = http.getForObject("/api/metrics/reports/2025-04/report.md", String.class);
        assertThat(first).contains("# DR metrics report 2025-04");
        assertThat(http.getForEntity("/api/metrics/reports/2025-04/targets.png", byte[].class).getStatusCode())
                .isEqualTo(HttpStatus.OK);

        assertThat(schedule.generateOnce(YearMonth.of(2025, 4))).isFalse();
        assertThat(http.getForObject("/api/metrics/reports/2025-04/report.md", String.class))
                .as("not generated again: the same 'Generated' instant").isEqualTo(first);
        assertThat(jdbc.sql("SELECT count(*) FROM monthly_report_run WHERE month = '2025-04'").query(Long.class)
                .single()).isEqualTo(1L);
    }

    private static void assertPng(byte[] png) throws Exception {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(image).as("a readable PNG").isNotNull();
        assertThat(image.getWidth()).isPositive();
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
