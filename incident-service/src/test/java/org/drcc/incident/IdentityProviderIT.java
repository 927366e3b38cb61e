package org.drcc.incident;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import org.drcc.kit.security.Roles;
import org.drcc.testsupport.KeycloakProcess;
import org.drcc.testsupport.TestTokens;
import org.drcc.testsupport.WithEngines;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The identity provider docker-compose runs, Keycloak with the realm it imports (deploy/keycloak/realm-dr.json),
 * and a service that trusts it as production does (its JWKS and issuer): the token the drills' client gets by the
 * client-credentials grant is accepted with the role and the name the realm gives it; a token from any other key is
 * refused; a wrong client secret gets no token.
 */
@WithEngines(database = "incident")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class IdentityProviderIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SECRET = "drill-" + UUID.randomUUID();
    private static final KeycloakProcess KEYCLOAK = KeycloakProcess.start(
            Path.of("..", "deploy", "keycloak", "realm-dr.json"), Map.of("DR_DRILL_CLIENT_SECRET", SECRET));

    @Autowired
    TestRestTemplate http;

    @DynamicPropertySource
    static void trustTheIdentityProvider(DynamicPropertyRegistry properties) {
        properties.add("dr.security.issuer", () -> KEYCLOAK.issuer("dr"));
        properties.add("dr.security.jwk-set-uri", () -> KEYCLOAK.issuer("dr") + "/protocol/openid-connect/certs");
    }

    @AfterAll
    static void stop() {
        KEYCLOAK.close();
    }

    @Test
    void theDrillsClientGetsATokenTheServiceAcceptsAsTheDrLeadDrDrillAndNoOtherKeyIsTrusted() throws Exception {
        HttpResponse<String> granted = token("dr-drill", SECRET);
        assertThat(granted.statusCode()).as(granted.body()).isEqualTo(200);
        String token = JSON.readTree(granted.body()).path("access_token").asText();

        String title = "Declared with the identity provider's token " + UUID.randomUUID();
        ResponseEntity<String> declared = http.exchange("/api/incidents", HttpMethod.POST, new HttpEntity<>(
                "{\"scenario\":\"database-corruption\",\"title\":\"" + title + "\"}", bearer("Bearer " + token)),
                String.class);
        assertThat(declared.getStatusCode()).as(declared.getBody()).isEqualTo(HttpStatus.CREATED);
        JsonNode incident = JSON.readTree(declared.getBody());
        assertThat(incident.toString()).as("the realm names the drill dr-drill").contains("dr-drill");

        ResponseEntity<String> forged = http.exchange("/api/incidents", HttpMethod.GET,
                new HttpEntity<>(bearer(TestTokens.bearer(Roles.DR_LEAD, "mallory"))), String.class);
        assertThat(forged.getStatusCode()).as("a token from a key the provider does not hold")
                .isEqualTo(HttpStatus.UNAUTHORIZED);

        assertThat(token("dr-drill", "not-the-secret").statusCode()).as("a wrong client secret").isIn(400, 401);
    }

    private static HttpResponse<String> token(String client, String secret) throws Exception {
        String basic = Base64.getEncoder().encodeToString((client + ":" + secret).getBytes(StandardCharsets.UTF_8));
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(KEYCLOAK.issuer("dr") + "/protocol/openid-connect/token"))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpHeaders bearer(String authorization) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.set(HttpHeaders.AUTHORIZATION, authorization);
        return headers;
    }
}
