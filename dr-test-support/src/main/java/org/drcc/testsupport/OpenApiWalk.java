package org.drcc.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import org.assertj.core.api.SoftAssertions;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

/**
 * Walks every operation of a running service's OpenAPI document ({@code /v3/api-docs}): none may be
 * reached without a token (401), and each mutating one must refuse (403) every role the permission table
 * does not allow it. Refused calls change nothing, so the walk is safe on a live service.
 */
public final class OpenApiWalk {

    /** The roles of the plan plus viewer and auditor, as in the token's roles claim. */
    public static final List<String> ROLES = List.of("dr-lead", "dba", "devops", "security", "support", "viewer",
            "auditor");
    private static final Set<String> MUTATING = Set.of("post", "put", "patch", "delete");

    public record Operation(HttpMethod method, String template, String path) {
        public boolean mutating() {
            return MUTATING.contains(method.name().toLowerCase());
        }
    }

    private OpenApiWalk() {
    }

    /** Every operation in the document, path variables filled with a placeholder. */
    public static List<Operation> operations(TestRestTemplate http) {
        JsonNode doc = anonymous(http).getForObject("/v3/api-docs", JsonNode.class);
        assertThat(doc).as("the OpenAPI document is public").isNotNull();
        List<Operation> operations = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = doc.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<String> methods = path.getValue().fieldNames(); methods.hasNext(); ) {
                String method = methods.next();
                if (Set.of("get", "post", "put", "patch", "delete").contains(method)) {
                    operations.add(new Operation(HttpMethod.valueOf(method.toUpperCase()), path.getKey(),
                            path.getKey().replaceAll("\\{[^}]+}", "x-1")));
                }
            }
        }
        assertThat(operations).as("operations in /v3/api-docs").isNotEmpty();
        return operations;
    }

    /**
     * Without a token every operation but the public ones answers 401; each mutating operation answers 403
     * to every role that {@code allowed} (method, concrete path) does not list.
     */
    public static void assertEveryOperationGuarded(TestRestTemplate http, Set<String> publicPaths,
                                                  BiFunction<HttpMethod, String, List<String>> allowed) {
        TestRestTemplate anonymous = anonymous(http);
        SoftAssertions softly = new SoftAssertions();
        for (Operation op : operations(http)) {
            if (publicPaths.contains(op.template())) {
                continue;
            }
            softly.assertThat(send(anonymous, op, null)).as("%s %s without a token", op.method(), op.template())
                    .isEqualTo(401);
            if (op.mutating()) {
                List<String> roles = allowed.apply(op.method(), op.path());
                softly.assertThat(roles).as("%s %s is in the permission table", op.method(), op.template()).isNotEmpty();
                for (String role : ROLES) {
                    if (!roles.contains(role)) {
                        softly.assertThat(send(anonymous, op, TestTokens.bearer(role, "walker")))
                                .as("%s %s as %s", op.method(), op.template(), role).isEqualTo(403);
                    }
                }
            }
        }
        softly.assertAll();
    }

    private static int send(TestRestTemplate http, Operation op, String authorization) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        if (authorization != null) {
            headers.set(HttpHeaders.AUTHORIZATION, authorization);
        }
        String body = op.mutating() ? "{}" : null;
        return http.exchange(op.path(), op.method(), new HttpEntity<>(body, headers), String.class)
                .getStatusCode().value();
    }

    /** A client of the same service that never signs in. */
    public static TestRestTemplate anonymous(TestRestTemplate http) {
        return new TestRestTemplate(new RestTemplateBuilder().rootUri(http.getRootUri()));
    }
}
