package org.drcc.kit.axon;

import java.util.function.Function;

/**
 * Where the kit's relay sends one producer's stored events: a service declares one as a bean, e.g.
 * {@code @Bean RelayRoute<BackupEvent>}. The key orders the records of one partition, so it names what
 * the events must stay in order for (an incident, a backup, a database).
 */
public record RelayRoute<E>(Class<E> type, String topic, Function<? super E, String> key) {

    String keyOf(Object event) {
        return key.apply(type.cast(event));
    }
}
