package org.drcc.kit.axon;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Where the kit's relay sends one producer's stored events: a service declares one as a bean, e.g.
 * {@code @Bean RelayRoute<BackupEvent>}. The key orders the records of one partition, so it names what
 * the events must stay in order for (an incident, a backup, a database).
 *
 * <p>The key is a function of the event ({@link #RelayRoute(Class, String, Function)}), for which the relay reads
 * the stored event into its class, or one top-level field that every event of the route has
 * ({@link #keyedByField}), which the relay reads from the stored document alone. The second is for the routes
 * that carry most events: reading each event into its class (and opening its personal data) only to take its key
 * was most of the relay's time (JFR, {@code docs/benchmarks.md}, Notifications).
 */
public record RelayRoute<E>(Class<E> type, String topic, Function<? super E, String> key, String keyField) {

    /**
     * Exactly one of {@code key} and {@code keyField}. A field is checked here, at the start: the type must be a
     * record or sealed, and each event it permits (its leaves) a record with that {@code String} component, which
     * Jackson writes under its own name.
     */
    public RelayRoute {
        if ((key == null) == (keyField == null)) {
            throw new IllegalArgumentException("a route to " + topic
                    + " is keyed by a function or by a field, one of the two");
        }
        if (keyField != null) {
            requireField(type, keyField);
        }
    }

    public RelayRoute(Class<E> type, String topic, Function<? super E, String> key) {
        this(type, topic, key, null);
    }

    /** A route keyed by the string field {@code field} of every event of {@code type}. */
    public static <E> RelayRoute<E> keyedByField(Class<E> type, String topic, String field) {
        return new RelayRoute<>(type, topic, null, field);
    }

    /** The key of a stored event: from its document when the route names a field, else from the event read. */
    String keyOf(String document, Supplier<Object> event) {
        return keyField == null ? key.apply(type.cast(event.get())) : field(document);
    }

    private String field(String document) {
        return StoredDocuments.stringField(document, keyField).orElseThrow(() -> new IllegalStateException(
                "a stored " + type.getSimpleName() + " has no string field '" + keyField + "' to key its record by"));
    }

    private static void requireField(Class<?> type, String field) {
        if (type.isRecord()) {
            boolean has = Arrays.stream(type.getRecordComponents())
                    .anyMatch(c -> c.getName().equals(field) && c.getType() == String.class && renamed(c) == null);
            if (!has) {
                throw new IllegalArgumentException(type.getName() + " has no String component '" + field
                        + "' written under that name: its events cannot be keyed by it");
            }
            return;
        }
        if (!type.isSealed()) {
            throw new IllegalArgumentException(type.getName() + " is neither a record nor sealed: whether each of its "
                    + "events has '" + field + "' cannot be told at the start");
        }
        for (Class<?> permitted : type.getPermittedSubclasses()) {
            requireField(permitted, field);
        }
    }

    /** The name Jackson writes a component under, when {@code @JsonProperty} (carried to its accessor) renames it. */
    private static String renamed(RecordComponent component) {
        JsonProperty property = component.getAccessor().getAnnotation(JsonProperty.class);
        return property == null || property.value().isEmpty() || property.value().equals(component.getName())
                ? null : property.value();
    }
}
