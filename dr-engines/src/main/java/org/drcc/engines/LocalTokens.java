package org.drcc.engines;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/** Issues short-lived bearer tokens signed by the {@link LocalSigningKey}, as an identity provider would. */
public final class LocalTokens {

    /** The issuer and audience the services expect by default (dr.security.issuer, dr.security.audience). */
    public static final String ISSUER = "dr-local";
    public static final String AUDIENCE = "dr-command-centre";

    private final LocalSigningKey key;

    public LocalTokens(LocalSigningKey key) {
        this.key = key;
    }

    /** A token for {@code name} with these roles, valid for {@code ttl}. */
    public String issue(String name, List<String> roles, Duration ttl) {
        Instant now = Instant.now();
        return sign(new JWTClaimsSet.Builder().issuer(ISSUER).audience(AUDIENCE).subject(name)
                .claim("preferred_username", name).claim("roles", roles).jwtID(UUID.randomUUID().toString())
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plus(ttl))).build());
    }

    /** Any claims, signed with the local key: for tests of refused tokens (expired, wrong issuer, ...). */
    public String sign(JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("dr-local").build(), claims);
            jwt.sign(new RSASSASigner(key.privateKey()));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign a token", e);
        }
    }
}
