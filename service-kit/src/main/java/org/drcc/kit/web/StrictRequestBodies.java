package org.drcc.kit.web;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectReader;
import java.lang.reflect.Type;
import java.util.List;
import java.util.ListIterator;
import java.util.Set;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.json.AbstractJackson2HttpMessageConverter;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * A JSON (or YAML) request body with a field its request does not take is refused (400 naming the field,
 * {@link ProblemAdvice}) instead of read without it. Read leniently, {@code {"adoptserver": "..."}} took a plain base
 * backup instead of adopting the server, and a misspelt optional field of a restore or a declaration was dropped
 * without a word: in an outage the operator must learn that the request said something the service did not hear.
 *
 * <p>Only the API's request bodies. Ahead of each of MVC's Jackson converters goes a twin that only reads, with the
 * same mapper and unknown fields refused; the converter itself is left as Spring Boot made it, since it is the same
 * instance that Boot's {@code RestClient} builder reads other services' answers with (a drill reads
 * incident-service's scenario, which has fields the drill does not take) and that writes the actuator's answers with
 * a mapper of their own. Answers, events read from Kafka and the catalogue beside a backup stay lenient readers,
 * since a newer producer may add a field that an older reader must pass over. Jackson's own setting for it is global,
 * and no Spring or Jackson switch does "strict for request bodies only", hence this class.
 */
public final class StrictRequestBodies implements WebMvcConfigurer {

    /** Spring's own Jackson converters for JSON and YAML, by exact class: a subclass may read in its own way. */
    private static final Set<String> JACKSON_CONVERTERS = Set.of(
            "org.springframework.http.converter.json.MappingJackson2HttpMessageConverter",
            "org.springframework.http.converter.yaml.MappingJackson2YamlHttpMessageConverter");

    @Override
    public void extendMessageConverters(List<HttpMessageConverter<?>> converters) {
        for (ListIterator<HttpMessageConverter<?>> it = converters.listIterator(); it.hasNext(); ) {
            HttpMessageConverter<?> converter = it.next();
            if (converter instanceof AbstractJackson2HttpMessageConverter jackson
                    && JACKSON_CONVERTERS.contains(jackson.getClass().getName())) {
                it.previous();
                it.add(new StrictReader(jackson));
                it.next();
            }
        }
    }

    /** Reads what {@code lenient} reads, with its mapper, refusing unknown fields; writes nothing. */
    static final class StrictReader extends AbstractJackson2HttpMessageConverter {

        StrictReader(AbstractJackson2HttpMessageConverter lenient) {
            super(lenient.getObjectMapper(), lenient.getSupportedMediaTypes().toArray(MediaType[]::new));
        }

        @Override
        protected ObjectReader customizeReader(ObjectReader reader, JavaType javaType) {
            return reader.with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        }

        @Override
        public boolean canWrite(Class<?> clazz, MediaType mediaType) {
            return false;
        }

        @Override
        public boolean canWrite(Type type, Class<?> clazz, MediaType mediaType) {
            return false;
        }
    }
}
