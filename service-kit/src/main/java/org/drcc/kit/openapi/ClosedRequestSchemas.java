package org.drcc.kit.openapi;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.Schema;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Says in the document what {@code org.drcc.kit.web.StrictRequestBodies} enforces: a request body's object takes no
 * field it does not list ({@code additionalProperties: false}), so a client's generator or validator finds a misspelt
 * field before the service answers 400. A schema that an answer uses too stays open: readers of answers must pass
 * over fields a later version adds.
 */
final class ClosedRequestSchemas {

    private static final String REF_PREFIX = "#/components/schemas/";

    private ClosedRequestSchemas() {
    }

    static void close(OpenAPI api) {
        if (api.getPaths() == null || api.getComponents() == null || api.getComponents().getSchemas() == null) {
            return;
        }
        Map<String, Schema> schemas = api.getComponents().getSchemas();
        Set<String> requested = new HashSet<>();
        Set<String> answered = new HashSet<>();
        api.getPaths().values().forEach(item -> item.readOperations().forEach(operation -> {
            if (operation.getRequestBody() != null) {
                reachable(operation.getRequestBody().getContent(), schemas, requested);
            }
            answers(operation, schemas, answered);
        }));
        requested.removeAll(answered);
        // a schema another extends (allOf) would refuse its children's fields if it were closed
        for (Schema<?> schema : schemas.values()) {
            List<Schema> parts = schema.getAllOf() == null ? List.of() : schema.getAllOf();
            for (Schema<?> part : parts) {
                if (part.get$ref() != null && part.get$ref().startsWith(REF_PREFIX)) {
                    requested.remove(part.get$ref().substring(REF_PREFIX.length()));
                }
            }
        }
        requested.forEach(name -> {
            Schema<?> schema = schemas.get(name);
            if (schema.getProperties() != null && schema.getAdditionalProperties() == null) {
                schema.setAdditionalProperties(false);
            }
        });
    }

    private static void answers(Operation operation, Map<String, Schema> schemas, Set<String> into) {
        if (operation.getResponses() != null) {
            operation.getResponses().values().forEach(r -> reachable(r.getContent(), schemas, into));
        }
    }

    /**
     * The names of the component schemas a body's content refers to, directly or through properties, items, map
     * values and compositions (allOf, oneOf, anyOf).
     */
    private static void reachable(Content content, Map<String, Schema> schemas, Set<String> into) {
        if (content == null) {
            return;
        }
        Deque<Schema<?>> next = new ArrayDeque<>();
        content.values().forEach(media -> {
            if (media.getSchema() != null) {
                next.add(media.getSchema());
            }
        });
        while (!next.isEmpty()) {
            Schema<?> schema = next.poll();
            String ref = schema.get$ref();
            if (ref != null && ref.startsWith(REF_PREFIX)) {
                String name = ref.substring(REF_PREFIX.length());
                if (into.add(name) && schemas.get(name) != null) {
                    next.add(schemas.get(name));
                }
                continue;
            }
            if (schema.getProperties() != null) {
                schema.getProperties().values().forEach(next::add);
            }
            if (schema.getItems() != null) {
                next.add(schema.getItems());
            }
            if (schema.getAdditionalProperties() instanceof Schema<?> values) {
                next.add(values);
            }
            for (List<Schema> parts : Arrays.asList(schema.getAllOf(), schema.getOneOf(), schema.getAnyOf())) {
                if (parts != null) {
                    parts.forEach(next::add);
                }
            }
        }
    }
}
