package org.drcc.kit.axon;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.Optional;

/**
 * Reads one top-level string field of a JSON document as the event store holds it (an event, its metadata), by
 * streaming past the rest: cheaper by far than reading the document into its class for one value. Jackson's
 * streaming parser; a nested field of the same name is not the one.
 */
final class StoredDocuments {

    private static final JsonFactory JSON = new JsonFactory();

    private StoredDocuments() {
    }

    /** The field's value; empty when the document has no such field or its value is not a string. */
    static Optional<String> stringField(String document, String field) {
        try (JsonParser parser = JSON.createParser(document)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalStateException("a stored document is not a JSON object");
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                boolean wanted = field.equals(parser.currentName());
                if (parser.nextToken() == JsonToken.VALUE_STRING && wanted) {
                    return Optional.of(parser.getText());
                }
                parser.skipChildren();
            }
            return Optional.empty();
        } catch (IOException e) {
            throw new IllegalStateException("a stored document is not JSON: " + e.getMessage(), e);
        }
    }
}
