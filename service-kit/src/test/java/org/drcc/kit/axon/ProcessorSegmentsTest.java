package org.drcc.kit.axon;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.drcc.kit.config.KitDefaults;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

class ProcessorSegmentsTest {

    private final StandardEnvironment environment = new StandardEnvironment();

    private StandardEnvironment withService(Map<String, Object> settings) {
        environment.getPropertySources().addFirst(new MapPropertySource("application.yml", settings));
        new KitDefaults().postProcessEnvironment(environment, new SpringApplication());
        return environment;
    }

    @Test
    void everyStreamingProcessorIsSplitByTheOneSettingAndAProcessorsOwnCountsWin() {
        withService(Map.of(
                "axon.eventhandling.processors.kafka-relay.mode", "tracking",
                "axon.eventhandling.processors.incident-report.mode", "TRACKING",
                "axon.eventhandling.processors.report-writer.mode", "tracking",
                "axon.eventhandling.processors.report-writer.thread-count", "1",
                "axon.eventhandling.processors.audit-log.mode", "pooled",
                "axon.eventhandling.processors.delivery-projection.mode", "subscribing"));

        assertThat(environment.getProperty("axon.eventhandling.processors.kafka-relay.initial-segment-count")).isEqualTo("2");
        assertThat(environment.getProperty("axon.eventhandling.processors.kafka-relay.thread-count")).isEqualTo("2");
        assertThat(environment.getProperty("axon.eventhandling.processors.incident-report.initial-segment-count")).isEqualTo("2");
        assertThat(environment.getProperty("axon.eventhandling.processors.report-writer.thread-count")).isEqualTo("1");
        assertThat(environment.getProperty("axon.eventhandling.processors.audit-log.initial-segment-count")).isEqualTo("2");
        assertThat(environment.getProperty("axon.eventhandling.processors.audit-log.thread-count")).isEqualTo("2");
        assertThat(environment.getProperty("axon.eventhandling.processors.delivery-projection.thread-count")).isNull();
        assertThat(environment.getProperty("axon.eventhandling.processors.kafka-relay.batch-size")).isEqualTo("100");
        assertThat(environment.getProperty("axon.eventhandling.processors.incident-report.batch-size")).isNull();
    }

    @Test
    void theSegmentCountIsOneSettingForTheWholeService() {
        withService(Map.of("dr.axon.segments", "4", "axon.eventhandling.processors.kafka-relay.mode", "tracking"));

        assertThat(environment.getProperty("axon.eventhandling.processors.kafka-relay.initial-segment-count")).isEqualTo("4");
        assertThat(environment.getProperty("axon.eventhandling.processors.kafka-relay.thread-count")).isEqualTo("4");
    }
}
