package org.drcc.kit.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import org.apache.kafka.clients.admin.NewTopic;
import org.drcc.contract.Topics;
import org.drcc.kit.inbox.EventInbox;
import org.drcc.kit.inbox.Inbox;
import org.drcc.kit.kafka.CloudEventRecords;
import org.drcc.kit.kafka.DeadLetterSettings;
import org.drcc.kit.kafka.DeadLetters;
import org.drcc.kit.privacy.PersonalDataModule;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.transaction.support.TransactionTemplate;
import javax.sql.DataSource;

/** The infrastructure every service shares; each service adds only its domain. */
@AutoConfiguration(after = DataSourceAutoConfiguration.class)
@EnableConfigurationProperties(DeadLetterSettings.class)
public class KitAutoConfiguration {

    /**
     * Events on Kafka carry personal fields sealed, as the event stores do (see org.drcc.kit.privacy); the relay sends
     * the stored documents, written by a mapper built the same way (the event store's serializer).
     */
    @Bean
    CloudEventRecords cloudEventRecords(ObjectMapper json, ObjectProvider<PersonalDataModule> personalData,
                                        @Value("${spring.application.name}") String name) {
        PersonalDataModule sealing = personalData.getIfAvailable();
        return new CloudEventRecords(sealing == null ? json : json.copy().registerModule(sealing), "/" + name);
    }

    @Bean
    @ConditionalOnBean(DataSource.class)
    Inbox inbox(JdbcClient jdbc, TransactionTemplate transactions) {
        return new Inbox(jdbc, transactions);
    }

    @Bean
    @ConditionalOnBean(DataSource.class)
    EventInbox eventInbox(CloudEventRecords records, Inbox inbox, @Value("${spring.application.name}") String name) {
        return new EventInbox(records, inbox, name);
    }

    /** The contract topics and their dead-letter topics; whichever service starts first creates them. */
    @Bean
    KafkaAdmin.NewTopics contractTopics(@Value("${dr.kafka.partitions:3}") int partitions,
                                        @Value("${dr.kafka.replicas:1}") short replicas) {
        List<NewTopic> topics = Topics.ALL.stream()
                .flatMap(t -> java.util.stream.Stream.of(t, t + Topics.DEAD_LETTER_SUFFIX))
                .map(t -> TopicBuilder.name(t).partitions(partitions).replicas(replicas).build())
                .toList();
        return new KafkaAdmin.NewTopics(topics.toArray(NewTopic[]::new));
    }

    /** Creates the contract topics when Kafka comes back, should the service have started without it. */
    @Bean
    ContractTopicsKeeper contractTopicsKeeper(KafkaAdmin admin) {
        return new ContractTopicsKeeper(admin);
    }

    /**
     * A record that cannot be read is parked on the topic's dead-letter topic at once; a failure during an
     * engine outage is retried as long as the outage lasts; any other is retried a bounded number of times and
     * then parked with its reason (see {@link DeadLetters}).
     */
    @Bean
    CommonErrorHandler kafkaErrorHandler(KafkaOperations<Object, Object> kafka, DeadLetterSettings settings,
                                         ObjectProvider<MeterRegistry> meters) {
        // dr_kafka_dead_letters_total, for the DrDeadLetters alert (deploy/prometheus/operations-alerts.yml);
        // registered at 0 from the start: a counter that first appears at 1 never shows an increase() in Prometheus
        meters.ifAvailable(m -> Topics.ALL.forEach(topic -> m.counter("dr.kafka.dead.letters", "topic", topic)));
        return DeadLetters.errorHandler(kafka, settings,
                topic -> meters.ifAvailable(m -> m.counter("dr.kafka.dead.letters", "topic", topic).increment()));
    }
}
