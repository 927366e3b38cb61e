package org.drcc.kit.axon;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads top-level string fields of a JSON document as the event store holds it (an event, its metadata), by
 * streaming past the rest: cheaper by far than reading the document into its class for a value or two (a
 * declaration's checklist event carries the plan's whole checklist). Jackson's streaming parser; a nested field of
 * the same name is not the one.
 */
public final class StoredDocuments {

    private static final JsonFactory JSON = new JsonFactory();

    private StoredDocuments() {
    }

    /** The field's value; empty when the document has no such field or its value is not a string. */
    public static Optional<String> stringField(String document, String field) {
        return Optional.ofNullable(stringFields(document, List.of(field)).get(field));
    }

    /**
     * The values of those of {@code fields} that the document has as strings, read in one pass that stops once it
     * has them all.
     */
    public static Map<String, String> stringFields(String document, List<String> fields) {
        return stringFields(() -> JSON.createParser(document), fields);
    }

    /**
     * The same, of a document in its stored bytes (UTF-8): read as they are, without a string made of them first, for
     * a caller that keeps the bytes (the audit log writes them to PostgreSQL as they are).
     */
    public static Map<String, String> stringFields(byte[] document, List<String> fields) {
        return stringFields(() -> JSON.createParser(document), fields);
    }

    private interface Parsing {
        JsonParser open() throws IOException;
    }

    private static Map<String, String> stringFields(Parsing document, List<String> fields) {
        Map<String, String> found = new HashMap<>();
        try (JsonParser parser = document.open()) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalStateException("a stored document is not a JSON object");
            }
            while (found.size() < fields.size() && parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                if (parser.nextToken() == JsonToken.VALUE_STRING && fields.contains(name)) {
                    found.putIfAbsent(name, parser.getText());
                }
                parser.skipChildren();
            }
            return found;
        } catch (IOException e) {
            throw new IllegalStateException("a stored document is not JSON: " + e.getMessage(), e);
        }
    }
}
