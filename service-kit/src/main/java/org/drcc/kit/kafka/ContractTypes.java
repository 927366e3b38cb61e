package org.drcc.kit.kafka;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeName;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
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

    /**
     * These of the contract's types only: a record of another is skipped unread, as one of a type the contract does
     * not know is, with no inbox row and nothing read into a class. For a consumer that acts on a few of the events
     * on its topic: a declaration's checklist event carries the plan's whole checklist, and every record is a
     * transaction of the consumer's inbox.
     */
    public ContractTypes<T> only(Collection<? extends Class<? extends T>> read) {
        return keeping(known(read)::contains);
    }

    /** Every one of the contract's types but these, skipped as {@link #only} skips the others. */
    public ContractTypes<T> except(Collection<? extends Class<? extends T>> unread) {
        return keeping(Predicate.not(known(unread)::contains));
    }

    private ContractTypes<T> keeping(Predicate<Class<?>> kept) {
        return new ContractTypes<>(byType.entrySet().stream().filter(e -> kept.test(e.getValue()))
                .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue)));
    }

    private Set<Class<?>> known(Collection<? extends Class<?>> types) {
        for (Class<?> type : types) {
            if (!byType.containsValue(type)) {
                throw new IllegalArgumentException(type + " is not one of the contract's types here");
            }
        }
        return Set.copyOf(types);
    }

    public Optional<Class<? extends T>> classOf(String type) {
        return Optional.ofNullable(byType.get(type));
    }

    public Map<String, Class<? extends T>> all() {
        return byType;
    }
}
