package org.drcc.kit.kafka;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Headers;
import org.drcc.contract.Topics;
import org.drcc.kit.web.EngineDown;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * The error handler of every listener (spring-kafka's {@link DefaultErrorHandler} and
 * {@link DeadLetterPublishingRecoverer}): a record that cannot be read at all is parked on its topic's
 * dead-letter topic at once; a failure while PostgreSQL, Kafka or S3 is unreachable is retried with backoff for
 * as long as the outage lasts (parking would take every record of the outage out of line); any other failure (a
 * sealed value that does not open, a bug) is retried {@code maxRetries} times and then parked, so that one
 * poison record cannot block its partition forever. The parked record keeps its key, value and headers; the
 * reason is in {@code kafka_dlt-exception-fqcn} and {@code kafka_dlt-exception-message}, without a stack trace,
 * and names no secret: only messages this suite wrote for it ({@link DeadLetterReason}) are copied, of anything
 * else only the exception classes (a driver's message may carry an address or a credential).
 */
public final class DeadLetters {

    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);

    private DeadLetters() {
    }

    public static DefaultErrorHandler errorHandler(KafkaOperations<?, ?> kafka, DeadLetterSettings settings) {
        return errorHandler(kafka, settings, topic -> { });
    }

    /** The same, telling {@code parked} the topic of each record it parks (a counter for the alerts, say). */
    public static DefaultErrorHandler errorHandler(KafkaOperations<?, ?> kafka, DeadLetterSettings settings,
                                                   java.util.function.Consumer<String> parked) {
        DeadLetterPublishingRecoverer park = new DeadLetterPublishingRecoverer(kafka, (record, error) -> {
            log.error("Parking {}-{}@{} on the dead-letter topic: {}", record.topic(), record.partition(),
                    record.offset(), reason(error));
            parked.accept(record.topic());
            return new TopicPartition(record.topic() + Topics.DEAD_LETTER_SUFFIX, record.partition());
        });
        park.setExceptionHeadersCreator(DeadLetters::reasonHeaders);
        ExponentialBackOff outage = new ExponentialBackOff(500, 2.0);
        outage.setMaxInterval(30_000);
        ExponentialBackOffWithMaxRetries bounded = new ExponentialBackOffWithMaxRetries(settings.maxRetries());
        bounded.setInitialInterval(settings.initialInterval().toMillis());
        bounded.setMultiplier(2.0);
        bounded.setMaxInterval(settings.maxInterval().toMillis());
        DefaultErrorHandler handler = new DefaultErrorHandler(park, bounded);
        handler.setBackOffFunction((record, error) -> EngineDown.of(error).isPresent() ? outage : null);
        handler.addNotRetryableExceptions(MalformedEventException.class);
        return handler;
    }

    /** Why the record was parked, fit for a header and a log line: see the class comment. */
    public static String reason(Throwable error) {
        List<String> classes = new ArrayList<>();
        for (Throwable t = error; t != null && classes.size() < 8; t = t.getCause()) {
            if (t instanceof DeadLetterReason || t instanceof MalformedEventException) {
                return t.getClass().getSimpleName() + ": " + t.getMessage();
            }
            classes.add(t.getClass().getName());
        }
        return "failed after its retries: " + String.join(" caused by ", classes);
    }

    private static void reasonHeaders(Headers headers, Exception error, boolean isKey,
                                      DeadLetterPublishingRecoverer.HeaderNames names) {
        DeadLetterPublishingRecoverer.HeaderNames.ExceptionInfo info = names.getExceptionInfo();
        headers.add(isKey ? info.getKeyExceptionFqcn() : info.getExceptionFqcn(),
                innermost(error).getClass().getName().getBytes(StandardCharsets.UTF_8));
        headers.add(isKey ? info.getKeyExceptionMessage() : info.getExceptionMessage(),
                reason(error).getBytes(StandardCharsets.UTF_8));
    }

    private static Throwable innermost(Throwable error) {
        Throwable t = error;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }
}
