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
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
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

    @Test
    void aBatchIsSentAtOnceAndCommitsOnlyOnceKafkaAcknowledgedEveryEventOfIt() {
        CompletableFuture<SendResult<String, String>> first = new CompletableFuture<>();
        CompletableFuture<SendResult<String, String>> second = new CompletableFuture<>();
        // the second event is sent before the first is acknowledged (a relay that waited per event would hang here)
        when(kafka.send(any(ProducerRecord.class))).thenReturn(first).thenAnswer(invocation -> {
            first.completeExceptionally(new IllegalStateException("broker down"));
            return second;
        });
        KafkaRelay relay = new KafkaRelay(kafka, records,
                List.of(new RelayRoute<>(PersonalDataErasedEvent.class, "dr.test.events", PersonalDataErasedEvent::erasureId)));
        List<EventMessage<?>> events = List.of(GenericEventMessage.asEventMessage(erased("erasure-1")),
                GenericEventMessage.asEventMessage(erased("erasure-2")));
        BatchingUnitOfWork<EventMessage<?>> batch = new BatchingUnitOfWork<>(events);
        List<String> committed = new java.util.ArrayList<>();
        batch.onCommit(u -> committed.add("position advanced"));
        second.complete(mock(SendResult.class));

        // as the tracking processor runs a batch: an exceptional result, which it throws, and the position stays
        var result = batch.executeWithResult(() -> {
            EventMessage<?> message = (EventMessage<?>) CurrentUnitOfWork.get().getMessage();
            relay.on(message.getPayload(), message);
            return null;
        });

        assertThat(result.isExceptional()).isTrue();
        assertThat(result.exceptionResult()).hasMessageContaining("broker down");

        @SuppressWarnings("unchecked")
        ArgumentCaptor<ProducerRecord<String, String>> sent = ArgumentCaptor.forClass(ProducerRecord.class);
        verify(kafka, org.mockito.Mockito.times(2)).send(sent.capture());
        assertThat(sent.getAllValues()).extracting(ProducerRecord::key).containsExactly("erasure-1", "erasure-2");
        assertThat(committed).isEmpty();
        assertThat(batch.isRolledBack()).isTrue();
    }

    @Test
    void aBatchWhoseEventsKafkaAllAcknowledgedCommits() throws Exception {
        when(kafka.send(any(ProducerRecord.class))).thenReturn(CompletableFuture.completedFuture(mock(SendResult.class)));
        KafkaRelay relay = new KafkaRelay(kafka, records,
                List.of(new RelayRoute<>(PersonalDataErasedEvent.class, "dr.test.events", PersonalDataErasedEvent::erasureId)));
        BatchingUnitOfWork<EventMessage<?>> batch = new BatchingUnitOfWork<>(List.of(
                GenericEventMessage.asEventMessage(erased("erasure-1")), GenericEventMessage.asEventMessage(erased("erasure-2"))));
        List<String> committed = new java.util.ArrayList<>();
        batch.onCommit(u -> committed.add("position advanced"));

        var result = batch.executeWithResult(() -> {
            EventMessage<?> message = (EventMessage<?>) CurrentUnitOfWork.get().getMessage();
            relay.on(message.getPayload(), message);
            return null;
        });

        assertThat(result.isExceptional()).isFalse();
        assertThat(committed).containsExactly("position advanced");
    }

    private static PersonalDataErasedEvent erased() {
        return erased("erasure-1");
    }

    private static PersonalDataErasedEvent erased(String erasureId) {
        return new PersonalDataErasedEvent(erasureId, "test-service", "subject-1", true, 2, "asked",
                "dana", Instant.parse("2026-11-30T07:00:00Z"));
    }
}
