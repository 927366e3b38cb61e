package org.drcc.testsupport;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the test class on the real engines, started once per test JVM, and points Spring's
 * datasource at {@link #database()}, Kafka at the broker and S3 at the local server.
 * Put it before {@code @SpringBootTest} so the engines are up before the context starts.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(EnginesExtension.class)
public @interface WithEngines {

    /**
     * The service's database, one of {@link org.drcc.engines.Engines#SERVICE_DATABASES}, or a database of the test
     * class's own, created on first use. The Spring contexts a test JVM caches share Axon's node id (the JVM's), so
     * on one database each context's processors take every segment the others hold: a test that rebuilds a read
     * model needs a database no other context of the JVM runs processors on, or a processor of another context
     * still running the segment writes its token over the reset one and that segment is never replayed. Such a class
     * also keeps out of the Kafka consumer groups of the others (its listeners would take their records into its
     * own database): {@code spring.kafka.listener.auto-startup=false}, or a group of its own.
     */
    String database();
}
