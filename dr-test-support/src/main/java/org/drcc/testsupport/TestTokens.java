package org.drcc.testsupport;

import com.nimbusds.jwt.JWTClaimsSet;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import org.drcc.engines.LocalSigningKey;
import org.drcc.engines.LocalTokens;

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

    /** Any claims signed by the test key: for tokens that must be refused. */
    public static String signed(JWTClaimsSet claims) {
        return new LocalTokens(install()).sign(claims);
    }
}
