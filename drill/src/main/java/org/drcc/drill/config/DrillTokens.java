package org.drcc.drill.config;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/**
 * The drill's bearer token for incident-service, where it acts as the DR lead of its drill incident.
 * Either a token issued by the identity provider ({@code dr.drill.token}, e.g. from a client-credentials
 * grant, refreshed by the deployment) or, locally, a 15-minute token minted with the key of {@code dr up}'s
 * stand-in identity provider ({@code dr.drill.token-signing-key}). Neither set: drills are refused by
 * incident-service with 401, and the drill records that cause.
 */
final class DrillTokens {

    private static final Duration LIFETIME = Duration.ofMinutes(15);

    private final String fixed;
    private final PrivateKey key;
    private final String actor;
    private final String issuer;
    private final String audience;
    private final Clock clock;
    private String minted;
    private Instant renewAt = Instant.MIN;

    DrillTokens(String fixed, String signingKey, String actor, String issuer, String audience, Clock clock) {
        this.fixed = fixed == null || fixed.isBlank() ? null : fixed.trim();
        this.key = signingKey == null || signingKey.isBlank() ? null : read(Path.of(signingKey.trim()));
        this.actor = actor;
        this.issuer = issuer;
        this.audience = audience;
        this.clock = clock;
    }

    /** The token to send now, or empty when none is configured. */
    synchronized String current() {
        if (fixed != null || key == null) {
            return fixed == null ? "" : fixed;
        }
        Instant now = clock.instant();
        if (now.isAfter(renewAt)) {
            minted = mint(now);
            renewAt = now.plus(LIFETIME).minus(Duration.ofMinutes(2));
        }
        return minted;
    }

    private String mint(Instant now) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("dr-local").build(),
                    new JWTClaimsSet.Builder().issuer(issuer).audience(audience).subject(actor)
                            .claim("preferred_username", actor).claim("roles", List.of("dr-lead"))
                            .jwtID(UUID.randomUUID().toString()).issueTime(Date.from(now))
                            .expirationTime(Date.from(now.plus(LIFETIME))).build());
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign the drill's token", e);
        }
    }

    private static PrivateKey read(Path file) {
        try {
            String pem = Files.readString(file).replaceAll("-----[A-Z ]+-----|\\s", "");
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
        } catch (IOException e) {
            throw new UncheckedIOException("dr.drill.token-signing-key " + file + " cannot be read", e);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("dr.drill.token-signing-key " + file + " is not a PKCS#8 RSA private key", e);
        }
    }
}
