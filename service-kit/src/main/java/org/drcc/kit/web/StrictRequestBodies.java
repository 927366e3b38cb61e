package org.drcc.kit.web;

import com.fasterxml.jackson.databind.DeserializationFeature;
import java.util.List;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * A JSON request body with a field its request does not take is refused (400 naming the field, {@link ProblemAdvice})
 * instead of read without it. Read leniently, {@code {"adoptserver": "..."}} took a plain base backup instead of
 * adopting the server, and a misspelt optional field of a restore or a declaration was dropped without a word: in an
 * outage the operator must learn that the request said something the service did not hear.
 *
 * <p>Only the API's request bodies. The converter Spring Boot hands to MVC is the same instance its {@code RestClient}
 * builder reads other services' answers with (a drill reads incident-service's), so it is replaced in MVC's list by
 * one of its own, not changed: answers, events read from Kafka and the catalogue beside a backup stay lenient
 * readers, since a newer producer may add a field that an older reader must pass over.
 */
public final class StrictRequestBodies implements WebMvcConfigurer {

    @Override
    public void extendMessageConverters(List<HttpMessageConverter<?>> converters) {
        for (int i = 0; i < converters.size(); i++) {
            if (converters.get(i) instanceof MappingJackson2HttpMessageConverter shared) {
                MappingJackson2HttpMessageConverter strict = new MappingJackson2HttpMessageConverter(
                        shared.getObjectMapper().copy().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES));
                strict.setSupportedMediaTypes(shared.getSupportedMediaTypes());
                converters.set(i, strict);
            }
        }
    }
}
