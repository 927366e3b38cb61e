package org.drcc.kit.asyncapi;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeName;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.drcc.contract.Topics;
import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.util.ClassUtils;

/**
 * The contract's event families found by scanning it, not listed by hand: every interface of
 * {@code org.drcc.contract} with {@code @JsonSubTypes} is one producer's family, and its types'
 * {@code dr.<name>.} prefix names its topic, {@code dr.<name>.events}. An event added to a family (or a family
 * added to the contract) is in the document without a change here.
 */
final class ContractFamilies {

    /** One topic: its family interface and the record classes of its types, in type order. */
    record Family(String topic, Class<?> family, List<Class<?>> events) {
    }

    private ContractFamilies() {
    }

    static Map<String, Family> byTopic() {
        Map<String, Family> byTopic = new TreeMap<>();
        scan().forEach(family -> {
            List<Class<?>> events = Stream.of(family.getAnnotation(JsonSubTypes.class).value())
                    .<Class<?>>map(JsonSubTypes.Type::value)
                    .sorted(Comparator.comparing(ContractFamilies::typeOf)).toList();
            String topic = topicOf(family, events);
            if (byTopic.put(topic, new Family(topic, family, events)) != null) {
                throw new IllegalStateException("two event families publish to " + topic);
            }
        });
        return byTopic;
    }

    static String typeOf(Class<?> event) {
        return event.getAnnotation(JsonTypeName.class).value();
    }

    private static String topicOf(Class<?> family, List<Class<?>> events) {
        String first = typeOf(events.get(0));
        String prefix = first.substring(0, first.indexOf('.', first.indexOf('.') + 1) + 1);
        String topic = prefix + "events";
        if (!Topics.ALL.contains(topic) || !events.stream().allMatch(e -> typeOf(e).startsWith(prefix))) {
            throw new IllegalStateException(family.getSimpleName() + ": its types do not all start with " + prefix
                    + ", or " + topic + " is not one of the contract's topics " + Topics.ALL);
        }
        return topic;
    }

    private static Stream<Class<?>> scan() {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false) {
            @Override
            protected boolean isCandidateComponent(AnnotatedBeanDefinition definition) {
                return definition.getMetadata().isInterface();
            }
        };
        scanner.addIncludeFilter(new AnnotationTypeFilter(JsonSubTypes.class, false, true));
        return scanner.findCandidateComponents(Topics.class.getPackageName()).stream()
                .map(d -> ClassUtils.resolveClassName(d.getBeanClassName(), ContractFamilies.class.getClassLoader()));
    }
}
