package org.drcc.kit.openapi;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpMethod;

/**
 * The problem+json answers an operation can give, each with the RFC 9457 schema and an example. Which ones
 * follow from facts the kit enforces: a token (401, 403), a body (400, 413), a path variable (404), a change
 * (409: refused by the rules), an If-Match (412), an Idempotency-Key (422), a rate limit (429), an engine (503).
 */
final class ErrorResponses {

    static final String PROBLEM = "Problem";
    private static final String PROBLEM_JSON = "application/problem+json";

    /** What the kit knows of one operation. */
    record Facts(HttpMethod method, boolean pathVariables, boolean open, List<String> roles, boolean rateLimited) {
    }

    private ErrorResponses() {
    }

    static void register(Components components) {
        components.addSchemas("InvalidField", new ObjectSchema().description("One field at fault in a 400")
                .addProperty("field", new StringSchema().description("the field or parameter").example("scenario"))
                .addProperty("message", new StringSchema().description("why").example("must not be blank")));
        components.addSchemas(PROBLEM, new ObjectSchema().description("An RFC 9457 problem: what went wrong and what to do")
                .addProperty("type", new StringSchema().description("a URI naming the kind of problem").example("about:blank"))
                .addProperty("title", new StringSchema().description("what went wrong, short").example("Invalid request"))
                .addProperty("status", new IntegerSchema().description("the HTTP status").example(400))
                .addProperty("detail", new StringSchema().description("what went wrong here and what to change"))
                .addProperty("instance", new StringSchema().description("the request's path"))
                .addProperty("errors", new ArraySchema().items(new Schema<>().$ref("#/components/schemas/InvalidField"))
                        .description("400 only: each field at fault"))
                .addProperty("engine", new StringSchema().description("503 only: the engine that is unreachable")
                        ._enum(List.of("PostgreSQL", "Kafka", "S3"))));
    }

    static void addTo(Operation operation, Facts facts) {
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        boolean body = operation.getRequestBody() != null;
        boolean changes = facts.method() != HttpMethod.GET && facts.method() != HttpMethod.HEAD;
        if (body || hasParameters(operation)) {
            add(responses, 400, "The request is invalid: a field or parameter is missing, unknown, unreadable or out "
                    + "of bounds; the detail or `errors` names each", "Invalid request", "scenario must not be blank");
        }
        if (!facts.open()) {
            add(responses, 401, "No bearer token, or one that is expired, badly signed or for another audience",
                    "Unauthorized", "a bearer token is required: sign in (./dr login) and send Authorization: Bearer <token>");
            add(responses, 403, "The token's roles may not call this operation", "Forbidden",
                    "this operation needs one of the roles " + facts.roles() + "; the token has [viewer]");
        }
        if (facts.pathVariables()) {
            add(responses, 404, "Nothing is known under this id", "Not found", "no incident 5b0c2d3e-… is known");
        }
        if (changes && !facts.open()) {
            add(responses, 409, "Refused by the rules of what it changes (the detail says why and what is allowed)",
                    "Refused by the incident's rules",
                    "the incident is DECLARED and cannot become VALIDATED; allowed next: [ASSESSED, CANCELLED]");
        }
        if (hasHeader(operation, "If-Match")) {
            add(responses, 412, "If-Match named a version that is no longer the current one: read again and retry",
                    "Precondition failed", "the incident is at version 4, not 3: read it again");
        }
        if (body) {
            add(responses, 413, "The request body is over the size cap (dr.limits.max-request-body)",
                    "Request body too large", "the request body is over 1MB");
        }
        if (hasHeader(operation, "Idempotency-Key")) {
            add(responses, 422, "The Idempotency-Key was used before with another request", "Idempotency key reused",
                    "the key was used with another request: use a new key for a new request");
        }
        if (facts.rateLimited()) {
            ApiResponse tooMany = problem("Over the rate limit (per caller, or per client address for a public operation); nothing was done. Retry-After says when to try again",
                    429, "Too many requests", "POST /api/backups allows 10 calls per PT1M per caller");
            tooMany.addHeaderObject("Retry-After", new Header().description("seconds to wait")
                    .schema(new IntegerSchema()));
            responses.putIfAbsent("429", tooMany);
        }
        if (!facts.open()) {
            ApiResponse down = problem("An engine (PostgreSQL, Kafka or S3) is unreachable: nothing was changed",
                    503, "PostgreSQL is unreachable", "the call was not carried out and nothing was changed: retry later");
            down.addHeaderObject("Retry-After", new Header().description("seconds to wait").schema(new IntegerSchema()));
            responses.putIfAbsent("503", down);
        }
        operation.setResponses(responses);
    }

    private static boolean hasParameters(Operation operation) {
        return operation.getParameters() != null && !operation.getParameters().isEmpty();
    }

    private static boolean hasHeader(Operation operation, String name) {
        return operation.getParameters() != null && operation.getParameters().stream()
                .anyMatch(p -> "header".equals(p.getIn()) && name.equalsIgnoreCase(p.getName()));
    }

    private static void add(ApiResponses responses, int status, String description, String title, String detail) {
        responses.putIfAbsent(String.valueOf(status), problem(description, status, title, detail));
    }

    private static ApiResponse problem(String description, int status, String title, String detail) {
        Map<String, Object> example = new LinkedHashMap<>();
        example.put("type", "about:blank");
        example.put("title", title);
        example.put("status", status);
        example.put("detail", detail);
        example.put("instance", "/api/…");
        return new ApiResponse().description(description).content(new Content().addMediaType(PROBLEM_JSON,
                new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))
                        .addExamples("problem", new Example().value(example))));
    }

}
