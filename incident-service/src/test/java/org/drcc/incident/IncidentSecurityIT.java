package org.drcc.incident;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.PlainJWT;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.drcc.kit.security.Permission;
import org.drcc.kit.security.PermissionTable;
import org.drcc.kit.security.Roles;
import org.drcc.testsupport.OpenApiWalk;
import org.drcc.testsupport.TestTokens;
import org.drcc.testsupport.WithEngines;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletRequest;

/** Who may call the incident API: bad tokens are 401, a missing role 403, and neither changes anything. */
@WithEngines(database = "incident")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class IncidentSecurityIT {

    private static final String DECLARATION = "{\"scenario\":\"database-corruption\",\"title\":\"Not allowed\"}";

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PermissionTable permissions;

    @Test
    void refusedTokensAre401ProblemsAndStoreNothing() {
        long before = storedEvents();
        Map<String, String> tokens = new LinkedHashMap<>();
        tokens.put("expired", TestTokens.signed(TestTokens.validClaims(Roles.DR_LEAD, "alice")
                .issueTime(Date.from(Instant.now().minusSeconds(3600)))
                .expirationTime(Date.from(Instant.now().minusSeconds(600))).build()));
        tokens.put("wrong issuer", TestTokens.signed(TestTokens.validClaims(Roles.DR_LEAD, "alice")
                .issuer("https://evil.example").build()));
        tokens.put("wrong audience", TestTokens.signed(TestTokens.validClaims(Roles.DR_LEAD, "alice")
                .audience("another-app").build()));
        tokens.put("alg none", new PlainJWT(TestTokens.validClaims(Roles.DR_LEAD, "alice").build()).serialize());
        tokens.put("tampered", tamper(TestTokens.token("alice", List.of(Roles.VIEWER))));
        tokens.put("garbage", "not-a-jwt");

        ResponseEntity<Map<String, Object>> none = declare(null);
        assertThat(none.getStatusCode().value()).isEqualTo(401);
        assertThat(none.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(none.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Bearer");
        assertThat(none.getBody().get("detail").toString()).contains("Authorization: Bearer");
        tokens.forEach((what, token) -> {
            ResponseEntity<Map<String, Object>> refused = declare("Bearer " + token);
            assertThat(refused.getStatusCode().value()).as(what).isEqualTo(401);
            assertThat(refused.getHeaders().getContentType()).as(what).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        });
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void aValidTokenWithoutTheRoleIs403AndStoresNothing() {
        long before = storedEvents();
        for (String role : List.of(Roles.DBA, Roles.DEVOPS, Roles.SECURITY, Roles.SUPPORT, Roles.VIEWER, Roles.AUDITOR)) {
            ResponseEntity<Map<String, Object>> refused = declare(TestTokens.bearer(role, "eve"));
            assertThat(refused.getStatusCode().value()).as(role).isEqualTo(403);
            assertThat(refused.getBody().get("detail").toString()).as(role).contains("[dr-lead]");
        }
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void aChunkedBodyOverTheCapIs413AndStoresNothing() throws Exception {
        long before = storedEvents();
        byte[] body = ("{\"scenario\":\"database-corruption\",\"title\":\"" + "x".repeat(2 * 1024 * 1024) + "\"}")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        java.net.http.HttpResponse<String> response = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(http.getRootUri() + "/api/incidents"))
                        .header("Content-Type", "application/json")
                        .header("Authorization", TestTokens.bearer(Roles.DR_LEAD, "dana"))
                        // no Content-Length: the body is sent chunked
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(body)))
                        .build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(response.body()).as("cut off while read, not refused by its declared length")
                .contains("is larger than this service accepts: at most 1048576 bytes");
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void theActorIsTheTokensCallerWhateverTheRequestSays() {
        HttpHeaders headers = json(TestTokens.bearer(Roles.DR_LEAD, "dana"));
        headers.set("X-Actor", "mallory");
        long before = storedEvents();
        ResponseEntity<String> refused = http.exchange("/api/incidents", HttpMethod.POST, new HttpEntity<>(
                "{\"scenario\":\"database-corruption\",\"title\":\"Who did it\",\"actor\":\"mallory\"}", headers),
                String.class);
        assertThat(refused.getStatusCode().value()).as("a field the declaration does not take").isEqualTo(400);
        assertThat(refused.getBody()).contains("field 'actor' is not one this request takes");
        assertThat(storedEvents()).isEqualTo(before);
        String body = "{\"scenario\":\"database-corruption\",\"title\":\"Who did it\"}";
        ResponseEntity<Map<String, Object>> created = http.exchange("/api/incidents", HttpMethod.POST,
                new HttpEntity<>(body, headers), new ParameterizedTypeReference<>() { });
        assertThat(created.getStatusCode().value()).isEqualTo(201);
        HttpHeaders viewer = json(TestTokens.bearer(Roles.VIEWER, "victor"));
        List<Map<String, Object>> events = http.exchange("/api/incidents/" + created.getBody().get("id") + "/events",
                HttpMethod.GET, new HttpEntity<>(viewer), new ParameterizedTypeReference<List<Map<String, Object>>>() { })
                .getBody();
        assertThat(events).isNotEmpty().allSatisfy(e -> assertThat(e).containsEntry("actor", "dana"));
    }

    @Test
    void everyOperationOfTheOpenApiDocumentIsGuarded() {
        OpenApiWalk.assertEveryOperationGuarded(http, Set.of(), (method, path) ->
                permissions.find(new MockHttpServletRequest(method.name(), path)).map(Permission::roles)
                        .orElse(List.of()));
    }

    private ResponseEntity<Map<String, Object>> declare(String authorization) {
        return OpenApiWalk.anonymous(http).exchange("/api/incidents", HttpMethod.POST,
                new HttpEntity<>(DECLARATION, json(authorization)), new ParameterizedTypeReference<>() { });
    }

    private static HttpHeaders json(String authorization) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        if (authorization != null) {
            headers.set(HttpHeaders.AUTHORIZATION, authorization);
        }
        return headers;
    }

    /**
     * The declarations stored: what a refused request could have added. Not every event: other tests' incidents
     * may meanwhile breach a phase window on the clock, which adds an event of their own.
     */
    private long storedEvents() {
        return jdbc.sql("SELECT count(*) FROM domainevententry WHERE payloadtype LIKE '%IncidentDeclaredEvent'")
                .query(Long.class).single();
    }

    /** The payload changed after signing (a viewer made dr-lead): the signature no longer matches. */
    private static String tamper(String token) {
        String[] parts = token.split("\\.");
        java.util.Base64.Decoder dec = java.util.Base64.getUrlDecoder();
        String claims = new String(dec.decode(parts[1])).replace("viewer", "dr-lead");
        return parts[0] + "." + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(claims.getBytes())
                + "." + parts[2];
    }
}
