package org.drcc.testsupport;

import com.nimbusds.jwt.JWTClaimsSet;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import org.drcc.engines.LocalSigningKey;
import org.drcc.engines.LocalTokens;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpRequest;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;

/**
 * Bearer tokens for tests, signed by one local key per test JVM whose public half the services read from
 * the system property {@code dr.security.public-key} ({@link EnginesExtension} sets it before any context).
 */
public final class TestTokens {

    public static final String PUBLIC_KEY_PROPERTY = "dr.security.public-key";
    private static LocalSigningKey key;

    private TestTokens() {
    }

    /** Creates this JVM's key once and points the services at its public half. */
    public static synchronized LocalSigningKey install() {
        if (key == null) {
            try {
                key = LocalSigningKey.in(Files.createTempDirectory("dr-test-keys-"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        System.setProperty(PUBLIC_KEY_PROPERTY, key.publicKeyFile().toString());
        return key;
    }

    /** {@code "Bearer <token>"} for a caller named {@code name} with one role, valid for five minutes. */
    public static String bearer(String role, String name) {
        return "Bearer " + token(name, List.of(role));
    }

    public static String token(String name, List<String> roles) {
        return new LocalTokens(install()).issue(name, roles, Duration.ofMinutes(5));
    }

    /**
     * Every request of {@code http} without its own Authorization header is sent as {@code name} with
     * {@code role}, with a fresh token each time (replaces an earlier sign-in).
     */
    public static void signIn(TestRestTemplate http, String role, String name) {
        List<ClientHttpRequestInterceptor> interceptors = http.getRestTemplate().getInterceptors();
        interceptors.removeIf(i -> i instanceof SignedIn);
        interceptors.add(new SignedIn(role, name));
    }

    private record SignedIn(String role, String name) implements ClientHttpRequestInterceptor {
        @Override
        public ClientHttpResponse intercept(HttpRequest request, byte[] body, ClientHttpRequestExecution execution)
                throws IOException {
            if (!request.getHeaders().containsKey(HttpHeaders.AUTHORIZATION)) {
                request.getHeaders().set(HttpHeaders.AUTHORIZATION, bearer(role, name));
            }
            return execution.execute(request, body);
        }
    }

    /** The claims of a valid token, to spoil one of them in a refusal test. */
    public static JWTClaimsSet.Builder validClaims(String role, String name) {
        java.time.Instant now = java.time.Instant.now();
        return new JWTClaimsSet.Builder().issuer(LocalTokens.ISSUER).audience(LocalTokens.AUDIENCE).subject(name)
                .claim("preferred_username", name).claim("roles", List.of(role))
                .issueTime(java.util.Date.from(now)).expirationTime(java.util.Date.from(now.plusSeconds(300)));
    }

    /** Any claims signed by the test key: for tokens that must be refused. */
    public static String signed(JWTClaimsSet claims) {
        return new LocalTokens(install()).sign(claims);
    }
}
