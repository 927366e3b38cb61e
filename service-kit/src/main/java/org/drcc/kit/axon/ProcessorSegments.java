package org.drcc.kit.axon;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.MapPropertySource;

/**
 * Every streaming processor a service declares ({@code axon.eventhandling.processors.<name>.mode: tracking}, or
 * {@code pooled}) is split into {@code dr.axon.segments} segments (2 by default), with as many threads (a tracking
 * processor's readers, a pooled one's workers behind its one reader), so that the instances of a
 * service share its event stream: each claims the segments nobody holds, and the segments of an instance that
 * stopped or died are claimed by another once its claim times out (Axon's token store, 10 s). Events of one
 * aggregate stay in one segment, so they are handled, and relayed to Kafka, in their order.
 *
 * <p>One definition for all processors ({@code dr.axon.segments} in {@link org.drcc.kit.config.KitDefaults}), added
 * by the kit's defaults with the lowest precedence: a processor whose own
 * {@code thread-count} or {@code initial-segment-count} is set keeps it. The relay ({@link KafkaRelay}) also gets its
 * {@code batch-size}: it sends a whole batch before it waits for Kafka. The segment count is the one a new
 * token store gets; a store made before, with one segment per processor, is split in two by the migration
 * {@code db/axon/V81__two_segments_per_processor.sql}.
 */
public final class ProcessorSegments {

    /** The setting. */
    public static final String SETTING = "dr.axon.segments";
    private static final Set<String> STREAMING = Set.of("tracking", "pooled");
    private static final Pattern MODE = Pattern.compile("axon\\.eventhandling\\.processors\\.([^.\\[\\]]+)\\.mode");

    private ProcessorSegments() {
    }

    /** Adds the thread and segment counts of each streaming processor the environment declares, last. */
    public static void addTo(ConfigurableEnvironment environment) {
        String segments = environment.getProperty(SETTING, "1");
        Map<String, Object> added = new LinkedHashMap<>();
        environment.getPropertySources().stream()
                .filter(EnumerablePropertySource.class::isInstance)
                .flatMap(source -> java.util.Arrays.stream(((EnumerablePropertySource<?>) source).getPropertyNames()))
                .map(MODE::matcher)
                .filter(Matcher::matches)
                .filter(m -> STREAMING.contains(String.valueOf(environment.getProperty(m.group())).toLowerCase(Locale.ROOT)))
                .map(m -> m.group(1))
                .forEach(name -> {
                    String prefix = "axon.eventhandling.processors." + name + ".";
                    added.put(prefix + "thread-count", segments);
                    added.put(prefix + "initial-segment-count", segments);
                    if (KafkaRelay.GROUP.equals(name)) {
                        // the relay sends a batch at once and then waits for Kafka's acknowledgements (KafkaRelay)
                        added.put(prefix + "batch-size", Integer.toString(KafkaRelay.BATCH_SIZE));
                    }
                });
        if (!added.isEmpty()) {
            environment.getPropertySources().addLast(new MapPropertySource("dr-processor-segments", added));
        }
    }
}
