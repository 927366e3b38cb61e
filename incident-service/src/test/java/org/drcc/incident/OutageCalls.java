package org.drcc.incident;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.drcc.kit.security.Roles;
import org.drcc.testsupport.TestTokens;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** What the engine-outage tests ask a running incident-service, and how they wait for an answer. */
final class OutageCalls {

    static final ObjectMapper JSON = new ObjectMapper();

    private OutageCalls() {
    }

    static ResponseEntity<String> declare(TestRestTemplate client, String title) {
        String body = "{\"scenario\":\"database-corruption\",\"title\":\"" + title + "\"}";
        return client.exchange("/api/incidents", HttpMethod.POST, signedIn(body), String.class);
    }

    static HttpEntity<String> signedIn(String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.set(HttpHeaders.AUTHORIZATION, TestTokens.bearer(Roles.DR_LEAD, "alice"));
        return new HttpEntity<>(body, headers);
    }

    static JsonNode health(TestRestTemplate http) {
        try {
            return JSON.readTree(http.getForEntity("/actuator/health", String.class).getBody());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Asks until the answer is the one awaited; fails with the last answer when the bound passes. */
    static <T> T within(Duration bound, Supplier<T> ask, Predicate<T> awaited) throws InterruptedException {
        long deadline = System.nanoTime() + bound.toNanos();
        T last = null;
        while (System.nanoTime() < deadline) {
            last = ask.get();
            if (awaited.test(last)) {
                return last;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("not within " + bound + "; last answer: " + last);
    }

    static Duration since(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }
}
