package org.drcc.kit.axon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.drcc.kit.kafka.CloudEventRecords;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.kafka.core.KafkaTemplate;

class AxonKitAutoConfigurationTest {

    private final EventProcessingConfigurer processing = mock(EventProcessingConfigurer.class);
    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(AxonKitAutoConfiguration.class))
            .withBean(EventProcessingConfigurer.class, () -> processing)
            .withBean(KafkaTemplate.class, () -> mock(KafkaTemplate.class))
            .withBean(CloudEventRecords.class, () -> new CloudEventRecords(new ObjectMapper(), "/test"))
            .withBean("eventSerializer", Serializer.class, () -> JacksonSerializer.defaultSerializer());

    @Test
    void theRelayAndTheNamedGroupsNeverSkipAnEvent() {
        runner.withPropertyValues("dr.axon.never-skip=backup-projection, drill-projection").run(context -> {
            verify(processing).registerListenerInvocationErrorHandler(eq("kafka-relay"), any());
            verify(processing).registerListenerInvocationErrorHandler(eq("backup-projection"), any());
            verify(processing).registerListenerInvocationErrorHandler(eq("drill-projection"), any());
        });
    }

    @Test
    void aServiceWithRoutesGetsOneRelayAndOneWithoutGetsNone() {
        runner.run(context -> assertThat(context).doesNotHaveBean(KafkaRelay.class));
        runner.withBean("strings", RelayRoute.class, () -> new RelayRoute<>(String.class, "dr.test.events", s -> s))
                .withBean("numbers", RelayRoute.class, () -> new RelayRoute<>(Integer.class, "dr.test.events", String::valueOf))
                .run(context -> assertThat(context).hasSingleBean(KafkaRelay.class));
    }
}
