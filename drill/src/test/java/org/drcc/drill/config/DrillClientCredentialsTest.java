package org.drcc.drill.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.client.InMemoryOAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.web.client.RestClient;

/**
 * The drill signs in to incident-service with a token of its own from the identity provider (client credentials),
 * not a static one: a local token endpoint and a local stand-in of incident-service, on loopback.
 */
class DrillClientCredentialsTest {

    private final List<String> tokenRequests = new CopyOnWriteArrayList<>();
    private final List<String> bearers = new CopyOnWriteArrayList<>();
    private HttpServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void theDrillAsksTheIdentityProviderForItsTokenOnceAndSendsItToIncidentService() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/realms/dr/protocol/openid-connect/token", exchange -> {
            tokenRequests.add(exchange.getRequestHeaders().getFirst("Authorization") + " "
                    + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            byte[] answer = "{\"access_token\":\"drill-token-1\",\"token_type\":\"Bearer\",\"expires_in\":300}"
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.createContext("/api/incidents", exchange -> {
            bearers.add(exchange.getRequestHeaders().getFirst("Authorization"));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.start();
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        InMemoryClientRegistrationRepository registrations = new InMemoryClientRegistrationRepository(
                ClientRegistration.withRegistrationId("drill").clientId("dr-drill").clientSecret("s3cret")
                        .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                        .tokenUri(base + "/realms/dr/protocol/openid-connect/token").build());
        RestClient incidents = RestClient.builder().baseUrl(base).requestInterceptor(DrillConfig.clientCredentials(
                "drill", "dr-drill", registrations, new InMemoryOAuth2AuthorizedClientService(registrations))).build();

        incidents.get().uri("/api/incidents/i-1").retrieve().toBodilessEntity();
        incidents.get().uri("/api/incidents/i-2").retrieve().toBodilessEntity();

        assertThat(bearers).containsExactly("Bearer drill-token-1", "Bearer drill-token-1");
        assertThat(tokenRequests).as("asked once, kept until it nears its expiry").singleElement()
                .satisfies(r -> assertThat(r).startsWith("Basic ").contains("grant_type=client_credentials"));
    }

    @Test
    void aRegistrationThatIsNotConfiguredStopsTheStartNamingTheSettings() {
        InMemoryClientRegistrationRepository other = new InMemoryClientRegistrationRepository(
                ClientRegistration.withRegistrationId("other").clientId("x").clientSecret("y")
                        .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                        .tokenUri("http://127.0.0.1:1/token").build());

        assertThatThrownBy(() -> DrillConfig.clientCredentials("drill", "dr-drill", other,
                new InMemoryOAuth2AuthorizedClientService(other)))
                .hasMessageContaining("spring.security.oauth2.client.registration.drill");
    }
}
