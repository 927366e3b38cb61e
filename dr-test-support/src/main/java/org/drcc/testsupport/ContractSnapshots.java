package org.drcc.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeName;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.skyscreamer.jsonassert.JSONAssert;
import org.skyscreamer.jsonassert.JSONCompareMode;

/**
 * The JSON of the contract's events is a public contract: one sample of every type of an event family
 * must serialise exactly as its snapshot, {@code src/test/resources/contract/<type>.json}, and read back
 * equal. A type without a snapshot fails once and writes its JSON to {@code target/contract-drafts/} for
 * review.
 */
public final class ContractSnapshots {

    private ContractSnapshots() {
    }

    public static <T> void check(ObjectMapper json, Class<T> family, List<? extends T> samples) throws Exception {
        List<Class<?>> types = Stream.of(family.getAnnotation(JsonSubTypes.class).value())
                .<Class<?>>map(JsonSubTypes.Type::value).toList();
        assertThat(samples).extracting(Object::getClass).as("one sample of every " + family.getSimpleName())
                .containsExactlyInAnyOrderElementsOf(types);
        List<String> missing = new ArrayList<>();
        for (T event : samples) {
            String type = event.getClass().getAnnotation(JsonTypeName.class).value();
            String snapshot = snapshot(json, type, event);
            if (snapshot == null) {
                missing.add(type);
                continue;
            }
            JSONAssert.assertEquals(type, snapshot, json.writeValueAsString(event), JSONCompareMode.STRICT);
            assertThat(json.readValue(snapshot, event.getClass())).as(type + " reads back").isEqualTo(event);
        }
        assertThat(missing).as("event types without a snapshot: review target/contract-drafts/ and copy the files to "
                + "src/test/resources/contract/").isEmpty();
    }

    private static String snapshot(ObjectMapper json, String type, Object sample) throws Exception {
        try (InputStream in = ContractSnapshots.class.getResourceAsStream("/contract/" + type + ".json")) {
            if (in == null) {
                Path draft = Path.of("target", "contract-drafts", type + ".json");
                Files.createDirectories(draft.getParent());
                Files.writeString(draft, json.writerWithDefaultPrettyPrinter().writeValueAsString(sample));
                return null;
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
