package org.drcc.kit.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidationException;

/**
 * Remembers, for a few minutes, the tokens whose signature the decoder checked: a caller sends the same token with
 * every request, and checking an RS256 signature took about a quarter of the request threads' CPU (JFR, the API
 * benchmark at 200 declarations per second; C1 has no intrinsics for {@code BigInteger}). A remembered token is
 * validated again on every use (expiry, not-before, issuer, audience), so it stops working when it expires as
 * before; only its signature, which cannot change, is not checked again. A token that failed is never remembered.
 * Caffeine, not a map: bounded, and expiring by itself.
 */
final class CheckedTokens implements JwtDecoder {

    private final JwtDecoder decoder;
    private final OAuth2TokenValidator<Jwt> validator;
    private final Cache<String, Jwt> checked;

    CheckedTokens(JwtDecoder decoder, OAuth2TokenValidator<Jwt> validator, Duration remembered, long tokens) {
        this.decoder = decoder;
        this.validator = validator;
        this.checked = Caffeine.newBuilder().expireAfterWrite(remembered).maximumSize(tokens).build();
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        Jwt known = checked.getIfPresent(token);
        if (known != null) {
            var result = validator.validate(known);
            if (!result.hasErrors()) {
                return known;
            }
            checked.invalidate(token);
            throw new JwtValidationException(result.getErrors().iterator().next().getDescription(), result.getErrors());
        }
        Jwt jwt = decoder.decode(token);
        checked.put(token, jwt);
        return jwt;
    }
}
