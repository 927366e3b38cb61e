package org.drcc.kit.config;

import org.drcc.kit.web.ProblemAdvice;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.WebMvcAutoConfiguration;
import org.springframework.context.annotation.Bean;

/** Replaces Boot's problem+json handler with one whose 400s name the offending field. */
@AutoConfiguration(before = WebMvcAutoConfiguration.class)
public class KitWebAutoConfiguration {

    @Bean
    ProblemAdvice problemAdvice() {
        return new ProblemAdvice();
    }
}
