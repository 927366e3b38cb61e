package org.drcc.kit.axon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.json.JsonMapper;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.drcc.contract.privacy.PersonalDataErasedEvent;
import org.drcc.kit.kafka.CloudEventHeaders;
import org.drcc.kit.kafka.CloudEventRecords;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;

class KafkaRelayTest {

    @SuppressWarnings("unchecked")
    private final KafkaTemplate<String, String> kafka = mock(KafkaTemplate.class);
    private final CloudEventRecords records = new CloudEventRecords(JsonMapper.builder().findAndAddModules().build(), "/test");

    @Test
    void sendsARoutedEventToItsTopicKeyedByItsRouteWithTheStoredIdAndTime() throws Exception {
        when(kafka.send(any(ProducerRecord.class))).thenReturn(CompletableFuture.completedFuture(mock(SendResult.class)));
        KafkaRelay relay = new KafkaRelay(kafka, records,
                List.of(new RelayRoute<>(PersonalDataErasedEvent.class, "dr.test.events", PersonalDataErasedEvent::erasureId)));
        PersonalDataErasedEvent event = erased();
        EventMessage<?> message = GenericEventMessage.asEventMessage(event);

        relay.on(event, message);

        @SuppressWarnings("unchecked")
        ArgumentCaptor<ProducerRecord<String, String>> sent = ArgumentCaptor.forClass(ProducerRecord.class);
        verify(kafka).send(sent.capture());
        assertThat(sent.getValue().topic()).isEqualTo("dr.test.events");
        assertThat(sent.getValue().key()).isEqualTo("erasure-1");
        assertThat(new String(sent.getValue().headers().lastHeader(CloudEventHeaders.ID).value()))
                .isEqualTo(message.getIdentifier());
    }

    @Test
    void anEventNoRouteTakesIsPassedOver() throws Exception {
        KafkaRelay relay = new KafkaRelay(kafka, records,
                List.of(new RelayRoute<>(String.class, "dr.test.events", s -> s)));
        PersonalDataErasedEvent event = erased();

        relay.on(event, GenericEventMessage.asEventMessage(event));

        verify(kafka, never()).send(any(ProducerRecord.class));
    }

    @Test
    void aSendKafkaDidNotAcknowledgeFailsTheHandlerSoThePositionStays() {
        when(kafka.send(any(ProducerRecord.class))).thenReturn(CompletableFuture.failedFuture(new IllegalStateException("broker down")));
        KafkaRelay relay = new KafkaRelay(kafka, records,
                List.of(new RelayRoute<>(PersonalDataErasedEvent.class, "dr.test.events", PersonalDataErasedEvent::erasureId)));
        PersonalDataErasedEvent event = erased();

        assertThatThrownBy(() -> relay.on(event, GenericEventMessage.asEventMessage(event)))
                .isInstanceOf(ExecutionException.class).hasMessageContaining("broker down");
    }

    private static PersonalDataErasedEvent erased() {
        return new PersonalDataErasedEvent("erasure-1", "test-service", "subject-1", true, 2, "asked",
                "dana", Instant.parse("2026-11-30T07:00:00Z"));
    }
}
