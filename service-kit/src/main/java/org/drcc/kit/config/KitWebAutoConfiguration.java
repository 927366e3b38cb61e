package org.drcc.kit.config;

import org.drcc.kit.web.EngineDownResolver;
import org.drcc.kit.web.ProblemAdvice;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.WebMvcAutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Replaces Boot's problem+json handler with one whose 400s name the offending field, and answers a request that
 * an unreachable engine failed with 503 naming it.
 */
@AutoConfiguration(before = WebMvcAutoConfiguration.class)
public class KitWebAutoConfiguration {

    @Bean
    ProblemAdvice problemAdvice() {
        return new ProblemAdvice();
    }

    /** Retry-After: long enough for a restarted engine to be taken up again (a fresh pool connection, say). */
    @Bean
    EngineDownResolver engineDownResolver(@Value("${dr.engines.retry-after-seconds:5}") int retryAfterSeconds) {
        return new EngineDownResolver(retryAfterSeconds);
    }
}
