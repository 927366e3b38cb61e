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

    /** The service's database, one of {@link org.drcc.engines.Engines#SERVICE_DATABASES}. */
    String database();
}
