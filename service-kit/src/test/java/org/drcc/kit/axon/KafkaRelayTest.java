package org.drcc.kit.axon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.annotation.JsonTypeName;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Map;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.serialization.SerializedMessage;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.drcc.contract.privacy.PersonalDataErasedEvent;
import org.drcc.kit.correlation.Correlation;
import org.drcc.kit.kafka.CloudEventHeaders;
import org.drcc.kit.kafka.CloudEventRecords;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;

class KafkaRelayTest {

    @SuppressWarnings("unchecked")
    private final KafkaTemplate<String, String> kafka = mock(KafkaTemplate.class);
    private final ObjectMapper json = JsonMapper.builder().findAndAddModules().build();
    private final CloudEventRecords records = new CloudEventRecords(json, "/test");
    private final Serializer stored = JacksonSerializer.builder().objectMapper(json).build();

    @Test
    void sendsARoutedEventToItsTopicKeyedByItsRouteWithTheStoredIdAndTime() throws Exception {
        when(kafka.send(any(ProducerRecord.class))).thenReturn(CompletableFuture.completedFuture(mock(SendResult.class)));
        KafkaRelay relay = new KafkaRelay(kafka, records,
                List.of(new RelayRoute<>(PersonalDataErasedEvent.class, "dr.test.events", PersonalDataErasedEvent::erasureId)), stored);
        PersonalDataErasedEvent event = erased();
        EventMessage<?> message = GenericEventMessage.asEventMessage(event)
                .andMetaData(Map.of(Correlation.METADATA_KEY, "correlation-1"));

        relay.on(message);

        @SuppressWarnings("unchecked")
        ArgumentCaptor<ProducerRecord<String, String>> sent = ArgumentCaptor.forClass(ProducerRecord.class);
        verify(kafka).send(sent.capture());
        assertThat(sent.getValue().topic()).isEqualTo("dr.test.events");
        assertThat(sent.getValue().key()).isEqualTo("erasure-1");
        assertThat(new String(sent.getValue().headers().lastHeader(CloudEventHeaders.ID).value()))
                .isEqualTo(message.getIdentifier());
        assertThat(new String(sent.getValue().headers().lastHeader(Correlation.KAFKA_HEADER).value()))
                .isEqualTo("correlation-1");
    }

    /** A contract event as the relay's tests need one: a record with the key field. */
    @JsonTypeName("dr.test.keyed.v1")
    record Keyed(String incidentId, Map<String, String> note) {
    }

    @Test
    void anEventFromTheStoreGoesOutAsItsStoredDocumentKeyedByItsFieldWithoutBeingReadIntoItsClass() throws Exception {
        when(kafka.send(any(ProducerRecord.class))).thenReturn(CompletableFuture.completedFuture(mock(SendResult.class)));
        KafkaRelay relay = new KafkaRelay(kafka, records,
                List.of(RelayRoute.keyedByField(Keyed.class, "dr.test.events", "incidentId")), stored);
        // a nested field of the same name comes first; and a field the class lacks, so reading the document into
        // Keyed would fail (the mapper refuses unknown properties): the relay must not read it
        String document = "{\"note\":{\"incidentId\":\"nested\"},\"incidentId\":\"incident-7\",\"addedLater\":true}";
        EventMessage<?> message = new GenericEventMessage<>(new SerializedMessage<>("event-1",
                new SimpleSerializedObject<>(document.getBytes(StandardCharsets.UTF_8), byte[].class, Keyed.class.getName(), null),
                new SimpleSerializedObject<>("{\"trace\":{\"dr-correlation-id\":\"nested\"},\"dr-correlation-id\":\"correlation-7\"}"
                        .getBytes(StandardCharsets.UTF_8), byte[].class, MetaData.class.getName(), null),
                stored), () -> Instant.parse("2026-12-02T07:00:00Z"));

        relay.on(message);

        @SuppressWarnings("unchecked")
        ArgumentCaptor<ProducerRecord<String, String>> sent = ArgumentCaptor.forClass(ProducerRecord.class);
        verify(kafka).send(sent.capture());
        assertThat(sent.getValue().key()).isEqualTo("incident-7");
        assertThat(sent.getValue().value()).isEqualTo(document);
        assertThat(new String(sent.getValue().headers().lastHeader(Correlation.KAFKA_HEADER).value()))
                .isEqualTo("correlation-7");
        assertThat(new String(sent.getValue().headers().lastHeader(CloudEventHeaders.TYPE).value()))
                .isEqualTo("dr.test.keyed.v1");
        assertThatThrownBy(message::getPayload).rootCause().hasMessageContaining("addedLater");
    }

    @Test
    void aStoredEventWithoutItsKeyFieldStopsTheRelayInsteadOfGoingOutUnkeyed() {
        KafkaRelay relay = new KafkaRelay(kafka, records,
                List.of(RelayRoute.keyedByField(Keyed.class, "dr.test.events", "incidentId")), stored);
        EventMessage<?> message = GenericEventMessage.asEventMessage(new Keyed(null, Map.of()));

        assertThatThrownBy(() -> relay.on(message)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no string field 'incidentId'");
        verify(kafka, never()).send(any(ProducerRecord.class));
    }

    @Test
    void anEventNoRouteTakesIsPassedOver() throws Exception {
        KafkaRelay relay = new KafkaRelay(kafka, records,
                List.of(new RelayRoute<>(String.class, "dr.test.events", s -> s)), stored);
        PersonalDataErasedEvent event = erased();

        relay.on(GenericEventMessage.asEventMessage(event));

        verify(kafka, never()).send(any(ProducerRecord.class));
    }

    @Test
    void aSendKafkaDidNotAcknowledgeFailsTheHandlerSoThePositionStays() {
        when(kafka.send(any(ProducerRecord.class))).thenReturn(CompletableFuture.failedFuture(new IllegalStateException("broker down")));
        KafkaRelay relay = new KafkaRelay(kafka, records,
                List.of(new RelayRoute<>(PersonalDataErasedEvent.class, "dr.test.events", PersonalDataErasedEvent::erasureId)), stored);
        PersonalDataErasedEvent event = erased();

        assertThatThrownBy(() -> relay.on(GenericEventMessage.asEventMessage(event)))
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
                List.of(new RelayRoute<>(PersonalDataErasedEvent.class, "dr.test.events", PersonalDataErasedEvent::erasureId)), stored);
        Batch batch = new Batch("erasure-1", "erasure-2");
        second.complete(mock(SendResult.class));

        // as the tracking processor runs a batch: an exceptional result, which it throws, and the position stays
        var result = batch.runThrough(relay);

        assertThat(result.isExceptional()).isTrue();
        assertThat(result.exceptionResult()).hasMessageContaining("broker down");

        @SuppressWarnings("unchecked")
        ArgumentCaptor<ProducerRecord<String, String>> sent = ArgumentCaptor.forClass(ProducerRecord.class);
        verify(kafka, org.mockito.Mockito.times(2)).send(sent.capture());
        assertThat(sent.getAllValues()).extracting(ProducerRecord::key).containsExactly("erasure-1", "erasure-2");
        assertThat(batch.committed).isEmpty();
        assertThat(batch.unitOfWork.isRolledBack()).isTrue();
    }

    @Test
    void noEventOfABatchIsSentOnceAnEarlierSendFailedSoItsKeyIsNotReordered() {
        // the producer failed the first send on the caller's thread (no metadata within max.block.ms); the broker is
        // back a moment later and would have taken the second: it would then be in Kafka ahead of the first
        when(kafka.send(any(ProducerRecord.class)))
                .thenReturn(CompletableFuture.failedFuture(new IllegalStateException("no metadata within 5000 ms")))
                .thenReturn(CompletableFuture.completedFuture(mock(SendResult.class)));
        KafkaRelay relay = new KafkaRelay(kafka, records,
                List.of(new RelayRoute<>(PersonalDataErasedEvent.class, "dr.test.events", PersonalDataErasedEvent::erasureId)), stored);
        Batch batch = new Batch("erasure-1", "erasure-1", "erasure-2");

        var result = batch.runThrough(relay);

        assertThat(result.isExceptional()).isTrue();
        assertThat(result.exceptionResult()).hasMessageContaining("an earlier event of this batch was not sent")
                .hasMessageContaining("no metadata within 5000 ms");
        @SuppressWarnings("unchecked")
        ArgumentCaptor<ProducerRecord<String, String>> sent = ArgumentCaptor.forClass(ProducerRecord.class);
        verify(kafka).send(sent.capture());
        assertThat(sent.getValue().key()).as("only the first, which failed").isEqualTo("erasure-1");
        assertThat(batch.committed).isEmpty();
        assertThat(batch.unitOfWork.isRolledBack()).isTrue();
    }

    @Test
    void aBatchWhoseEventsKafkaAllAcknowledgedCommits() throws Exception {
        when(kafka.send(any(ProducerRecord.class))).thenReturn(CompletableFuture.completedFuture(mock(SendResult.class)));
        KafkaRelay relay = new KafkaRelay(kafka, records,
                List.of(new RelayRoute<>(PersonalDataErasedEvent.class, "dr.test.events", PersonalDataErasedEvent::erasureId)), stored);
        Batch batch = new Batch("erasure-1", "erasure-2");

        var result = batch.runThrough(relay);

        assertThat(result.isExceptional()).isFalse();
        assertThat(batch.committed).containsExactly("position advanced");
    }

    /** A batch of erasure events, run through the relay as the tracking processor runs one, in one unit of work. */
    private static final class Batch {

        final BatchingUnitOfWork<EventMessage<?>> unitOfWork;
        final List<String> committed = new ArrayList<>();

        Batch(String... erasureIds) {
            unitOfWork = new BatchingUnitOfWork<>(Arrays.stream(erasureIds)
                    .<EventMessage<?>>map(id -> GenericEventMessage.asEventMessage(erased(id))).toList());
            unitOfWork.onCommit(u -> committed.add("position advanced"));
        }

        ResultMessage<Object> runThrough(KafkaRelay relay) {
            return unitOfWork.executeWithResult(() -> {
                relay.on((EventMessage<?>) CurrentUnitOfWork.get().getMessage());
                return null;
            });
        }
    }

    private static PersonalDataErasedEvent erased() {
        return erased("erasure-1");
    }

    private static PersonalDataErasedEvent erased(String erasureId) {
        return new PersonalDataErasedEvent(erasureId, "test-service", "subject-1", true, 2, "asked",
                "dana", Instant.parse("2026-11-30T07:00:00Z"));
    }
}
