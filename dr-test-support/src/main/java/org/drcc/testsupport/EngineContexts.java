package org.drcc.testsupport;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.WeakHashMap;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.support.AbstractTestExecutionListener;

/**
 * The Spring contexts the test classes of this JVM loaded, so that {@link EnginesExtension} closes them before it
 * stops the engines. Spring's test context cache keeps each context open until the JVM exits, which is after the
 * engines stopped: each context then closed waits on a PostgreSQL and a Kafka that are gone (its connection pools
 * trying to reconnect, its audit linker's last turn, its Kafka clients), some seconds each. With the dozen contexts of
 * backup-service's integration tests, surefire killed the test JVM after its 30 s exit timeout, every build.
 * Registered for every Spring test in {@code META-INF/spring.factories}; it only notes the context.
 */
public final class EngineContexts extends AbstractTestExecutionListener {

    /** Weakly: a context closed and dropped from the cache (@DirtiesContext) is not kept for this. */
    private static final Set<ConfigurableApplicationContext> LOADED =
            Collections.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<>()));

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    @Override
    public void afterTestClass(TestContext testContext) {
        if (testContext.hasApplicationContext()) {
            ApplicationContext context = testContext.getApplicationContext();
            if (context instanceof ConfigurableApplicationContext configurable) {
                LOADED.add(configurable);
            }
        }
    }

    /** Closes each context still open; the JVM's own shutdown then finds them closed. Never throws. */
    static void closeAll() {
        List<ConfigurableApplicationContext> open;
        synchronized (LOADED) {
            open = new ArrayList<>(LOADED);
            LOADED.clear();
        }
        for (ConfigurableApplicationContext context : open) {
            try {
                if (context.isActive()) {
                    context.close();
                }
            } catch (RuntimeException e) {
                System.err.println("A test's Spring context did not close before the engines stopped: " + e);
            }
        }
    }
}
