package org.drcc.kit.kafka;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeName;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Maps the contract's event records to their versioned CloudEvents types and back. */
public final class ContractTypes<T> {

    private final Map<String, Class<? extends T>> byType;

    private ContractTypes(Map<String, Class<? extends T>> byType) {
        this.byType = byType;
    }

    /** The types of every record listed in {@code @JsonSubTypes} on the contract's sealed interface. */
    @SuppressWarnings("unchecked")
    public static <T> ContractTypes<T> of(Class<T> eventInterface) {
        JsonSubTypes subTypes = eventInterface.getAnnotation(JsonSubTypes.class);
        if (subTypes == null) {
            throw new IllegalArgumentException(eventInterface + " lists no @JsonSubTypes");
        }
        return new ContractTypes<>(Stream.of(subTypes.value())
                .map(t -> (Class<? extends T>) t.value())
                .collect(Collectors.toUnmodifiableMap(ContractTypes::typeOf, Function.identity())));
    }

    public static String typeOf(Class<?> eventClass) {
        JsonTypeName name = eventClass.getAnnotation(JsonTypeName.class);
        if (name == null) {
            throw new IllegalArgumentException(eventClass + " has no @JsonTypeName: it is not a contract event");
        }
        return name.value();
    }

    public Optional<Class<? extends T>> classOf(String type) {
        return Optional.ofNullable(byType.get(type));
    }

    public Map<String, Class<? extends T>> all() {
        return byType;
    }
}
