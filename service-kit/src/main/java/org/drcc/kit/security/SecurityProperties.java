package org.drcc.kit.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How tokens are checked. {@code issuer} and {@code audience} must match the token's {@code iss} and
 * {@code aud}. Keys come from the issuer's JWKS ({@code jwk-set-uri}, production) or, locally, from the
 * PEM public key that {@code dr up} generates ({@code public-key}); the {@code prod} profile refuses the
 * local key. The actor is the {@code preferred_username} claim, else {@code sub}.
 */
@ConfigurationProperties("dr.security")
public record SecurityProperties(String issuer, String audience, String jwkSetUri, String publicKey,
                                 String rolesClaim) {

    public SecurityProperties {
        rolesClaim = rolesClaim == null || rolesClaim.isBlank() ? "roles" : rolesClaim;
    }

    boolean usesLocalKey() {
        return jwkSetUri == null || jwkSetUri.isBlank();
    }
}
