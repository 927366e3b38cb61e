package org.drcc.kit.asyncapi;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.annotation.Bean;

/** {@code GET /asyncapi.json} in every service. */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class AsyncApiAutoConfiguration {

    @Bean
    AsyncApiController asyncApiController(ObjectProvider<BuildProperties> build) {
        BuildProperties properties = build.getIfAvailable();
        return new AsyncApiController(properties == null ? "development" : properties.getVersion());
    }
}
