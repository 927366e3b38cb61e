package org.drcc.kit.axon;

import java.util.List;
import java.util.stream.Stream;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.drcc.kit.kafka.CloudEventRecords;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.kafka.core.KafkaTemplate;

/** The relay for the routes a service declares, and the groups that must not skip an event. */
@AutoConfiguration
@ConditionalOnClass(EventProcessingConfigurer.class)
public class AxonKitAutoConfiguration {

    /**
     * One relay for every route, so that all of a service's events keep one position in one processor. It sends the
     * event store's own JSON documents, so the store must write them with Jackson (the kit's sealing serializer).
     */
    @Bean
    @ConditionalOnBean(RelayRoute.class)
    KafkaRelay kafkaRelay(KafkaTemplate<String, String> kafka, CloudEventRecords records, List<RelayRoute<?>> routes,
                          @Qualifier("eventSerializer") Serializer stored) {
        if (!(stored instanceof JacksonSerializer)) {
            throw new IllegalStateException("the Kafka relay sends the event store's JSON documents, but its event "
                    + "serializer is " + stored.getClass().getSimpleName() + ", not Jackson's");
        }
        return new KafkaRelay(kafka, records, routes, stored);
    }

    /** Which aggregate a command is for, its members looked up once per command class. */
    @Bean
    @ConditionalOnMissingBean(CommandTargetResolver.class)
    CommandTargetResolver commandTargetResolver() {
        return new MemberCommandTargetResolver();
    }

    /** The relay's backlog as a gauge, for the alert that says the other services no longer hear this one. */
    @Bean
    @ConditionalOnBean(RelayRoute.class)
    RelayBacklog relayBacklog(ObjectProvider<EventProcessingConfiguration> processing, ObjectProvider<EventStore> store) {
        return new RelayBacklog(processing, store);
    }

    /**
     * A failed publish stops the relay instead of skipping the event: the tracking processor keeps its position
     * and retries. A group named in {@code dr.axon.never-skip} gets the same; a subscribing projection's failure
     * then rolls back the command that caused it, so the event store and the read model never disagree.
     */
    @Autowired
    void neverSkip(ObjectProvider<EventProcessingConfigurer> processing, Environment environment) {
        List<String> named = Binder.get(environment).bind("dr.axon.never-skip", Bindable.listOf(String.class))
                .orElse(List.of());
        processing.ifAvailable(p -> Stream.concat(Stream.of(KafkaRelay.GROUP), named.stream()).forEach(
                group -> p.registerListenerInvocationErrorHandler(group, c -> PropagatingErrorHandler.instance())));
    }
}
