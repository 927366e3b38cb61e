package org.drcc.testsupport;

import com.fasterxml.jackson.annotation.JsonTypeName;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.drcc.contract.incident.IncidentDeclaredEvent;
import org.drcc.contract.incident.Severity;

/** Puts contract events on the real broker as a producing service would, and watches consumer groups. */
public final class TestEvents implements AutoCloseable {

    private static final ObjectMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
            .build();

    private final String bootstrap;
    private final KafkaProducer<String, String> producer;

    public TestEvents(String bootstrap) {
        this.bootstrap = bootstrap;
        this.producer = new KafkaProducer<>(Map.of("bootstrap.servers", bootstrap, "acks", "all"),
                new StringSerializer(), new StringSerializer());
    }

    /** A declaration of a database-corruption incident, as the incident service would publish it. */
    public static IncidentDeclaredEvent declared(String incidentId, Severity severity, boolean drill) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        return new IncidentDeclaredEvent(incidentId, "database-corruption", "Orders table corrupted", null, severity,
                Duration.ofHours(2), Duration.ofHours(1), now.minusSeconds(60), now.minusSeconds(3600), drill,
                "alice", now);
    }

    /** Publishes {@code event} as a CloudEvent with the given id; returns that id. */
    public String publish(String topic, String key, String eventId, Object event) throws Exception {
        String type = event.getClass().getAnnotation(JsonTypeName.class).value();
        publishRaw(topic, key, eventId, type, JSON.writeValueAsString(event));
        return eventId;
    }

    public String publish(String topic, String key, Object event) throws Exception {
        return publish(topic, key, UUID.randomUUID().toString(), event);
    }

    public void publishRaw(String topic, String key, String eventId, String type, String json) throws Exception {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, json);
        header(record, "ce_specversion", "1.0");
        header(record, "ce_id", eventId);
        header(record, "ce_source", "/test");
        header(record, "ce_type", type);
        header(record, "ce_time", Instant.now().toString());
        header(record, "content-type", "application/json");
        producer.send(record).get(10, TimeUnit.SECONDS);
    }

    /** Waits until {@code group} has committed every record of {@code topic}: nothing left to process. */
    public void awaitConsumed(String group, String topic, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            while (true) {
                Set<TopicPartition> partitions = admin.describeTopics(List.of(topic)).allTopicNames().get()
                        .get(topic).partitions().stream()
                        .map(p -> new TopicPartition(topic, p.partition())).collect(java.util.stream.Collectors.toSet());
                Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(
                        partitions.stream().collect(java.util.stream.Collectors.toMap(p -> p, p -> OffsetSpec.latest())))
                        .all().get();
                Map<TopicPartition, OffsetAndMetadata> committed =
                        admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
                boolean done = partitions.stream().allMatch(p -> ends.get(p).offset() == 0
                        || (committed.get(p) != null && committed.get(p).offset() >= ends.get(p).offset()));
                if (done) {
                    return;
                }
                if (System.nanoTime() > deadline) {
                    throw new AssertionError(group + " has not consumed all of " + topic + " within " + timeout);
                }
                Thread.sleep(200);
            }
        }
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
        producer.close();
    }

    /** The first record with {@code key} of CloudEvents type {@code type} ({@code ce_type}), read from the start. */
    public static ConsumerRecord<String, String> awaitRecord(String bootstrap, String topic, String key, String type,
                                                             Duration timeout) {
        return awaitRecord(bootstrap, topic, key, record -> {
            var header = record.headers().lastHeader("ce_type");
            return header != null && type.equals(new String(header.value(), StandardCharsets.UTF_8));
        }, timeout);
    }

    /** The first record with {@code key} on {@code topic}, read from the start by a fresh consumer group. */
    public static ConsumerRecord<String, String> awaitRecord(String bootstrap, String topic, String key, Duration timeout) {
        return awaitRecord(bootstrap, topic, key, record -> true, timeout);
    }

    /**
     * The first record with {@code key} on {@code topic} that also {@code matches} (a key such as a database
     * name carries several event types, and earlier tests' records), read from the start by a fresh group.
     */
    public static ConsumerRecord<String, String> awaitRecord(String bootstrap, String topic, String key,
                                                             Predicate<ConsumerRecord<String, String>> matches,
                                                             Duration timeout) {
        Map<String, Object> config = Map.of("bootstrap.servers", bootstrap, "group.id", "it-" + UUID.randomUUID(),
                "auto.offset.reset", "earliest");
        try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (key.equals(record.key()) && matches.test(record)) {
                        return record;
                    }
                }
            }
        }
        throw new AssertionError("no record with key " + key + " on " + topic + " within " + timeout);
    }
}
