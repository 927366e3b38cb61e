package org.drcc.kit.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.drcc.contract.Topics;
import org.drcc.engines.Engines;
import org.drcc.kit.privacy.KeyEncryptionKey;
import org.drcc.kit.privacy.Keyring;
import org.drcc.kit.privacy.PersonalDataCipher;
import org.drcc.testsupport.TestEvents;
import org.drcc.testsupport.WithEngines;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.KafkaMessageListenerContainer;
import org.springframework.kafka.listener.MessageListener;

/**
 * A poison record on the real broker: a sealed value whose key is in no keyring throws each time it is read.
 * The kit's error handler tries it a bounded number of times, parks it on the dead-letter topic with the reason
 * (and no stack trace), and the good record behind it on the same partition is processed.
 */
@WithEngines(database = "incident")
class DeadLetterIT {

    @TempDir
    Path keys;

    @Test
    void aPoisonRecordIsParkedWithItsReasonAndTheNextOneIsProcessed(Engines engines) throws Exception {
        String topic = "it.poison-" + UUID.randomUUID();
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", engines.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1),
                    new NewTopic(topic + Topics.DEAD_LETTER_SUFFIX, 1, (short) 1))).all().get();
        }
        DataSource keyringDb = engines.postgres().newDatabase("keyring");
        Keyring.migrate(keyringDb);
        PersonalDataCipher cipher = new PersonalDataCipher(new Keyring(JdbcClient.create(keyringDb),
                KeyEncryptionKey.fromFile(keys.resolve("kek.json")), Duration.ZERO, Clock.systemUTC(), null));
        String good = cipher.seal("alice", "alice");
        String poison = PersonalDataCipher.PREFIX + UUID.randomUUID() + ":AAAAAAAAAAAAAAAAAAAAAAAAAAAA";

        KafkaTemplate<Object, Object> kafka = new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(Map.of(
                "bootstrap.servers", engines.bootstrapServers(), "key.serializer", StringSerializer.class,
                "value.serializer", StringSerializer.class)));
        AtomicInteger poisonReads = new AtomicInteger();
        List<String> processed = new CopyOnWriteArrayList<>();
        ContainerProperties properties = new ContainerProperties(topic);
        properties.setGroupId("it-" + UUID.randomUUID());
        properties.setMessageListener((MessageListener<String, String>) record -> {
            if (record.key().equals("poison")) {
                poisonReads.incrementAndGet();
            }
            processed.add(cipher.open(record.value()));
        });
        KafkaMessageListenerContainer<String, String> container = new KafkaMessageListenerContainer<>(
                new DefaultKafkaConsumerFactory<>(Map.of("bootstrap.servers", engines.bootstrapServers(),
                        "auto.offset.reset", "earliest"), new StringDeserializer(), new StringDeserializer()), properties);
        container.setCommonErrorHandler(DeadLetters.errorHandler(kafka,
                new DeadLetterSettings(2, Duration.ofMillis(100), Duration.ofMillis(200))));
        container.start();
        try {
            kafka.send(topic, "poison", poison).get();
            kafka.send(topic, "good", good).get();

            await().atMost(Duration.ofSeconds(60)).until(() -> processed.contains("alice"));
        } finally {
            container.stop();
        }

        assertThat(poisonReads.get()).as("tried once and retried twice, then parked").isEqualTo(3);
        ConsumerRecord<String, String> parked = TestEvents.awaitRecord(engines.bootstrapServers(),
                topic + Topics.DEAD_LETTER_SUFFIX, "poison", Duration.ofSeconds(30));
        assertThat(parked.value()).isEqualTo(poison);
        assertThat(header(parked, "kafka_dlt-exception-message")).contains("is not in this keyring");
        assertThat(parked.headers().lastHeader("kafka_dlt-exception-stacktrace")).as("no stack trace").isNull();
        assertThat(header(parked, "kafka_dlt-original-offset")).isNotNull();
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
