package org.drcc.kit.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidationException;

class CheckedTokensTest {

    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");
    private final AtomicInteger signatureChecks = new AtomicInteger();
    private final JwtTimestampValidator expiry = new JwtTimestampValidator(Duration.ZERO);

    private final JwtDecoder checksSignatures = token -> {
        signatureChecks.incrementAndGet();
        if (token.startsWith("forged")) {
            throw new BadJwtException("signature does not match");
        }
        return Jwt.withTokenValue(token).header("alg", "RS256").subject("dana")
                .issuedAt(T0).expiresAt(T0.plus(Duration.ofMinutes(2))).build();
    };

    @Test
    void aTokenSentAgainIsNotCheckedAgainWhileItIsValid() {
        expiry.setClock(Clock.fixed(T0.plusSeconds(10), ZoneOffset.UTC));
        CheckedTokens tokens = new CheckedTokens(checksSignatures, expiry, Duration.ofMinutes(5), 100);

        assertThat(tokens.decode("t1").getSubject()).isEqualTo("dana");
        assertThat(tokens.decode("t1").getSubject()).isEqualTo("dana");
        tokens.decode("t2");

        assertThat(signatureChecks).hasValue(2);
    }

    @Test
    void aRememberedTokenStopsWorkingWhenItExpires() {
        expiry.setClock(Clock.fixed(T0.plusSeconds(10), ZoneOffset.UTC));
        CheckedTokens tokens = new CheckedTokens(checksSignatures, expiry, Duration.ofMinutes(5), 100);
        tokens.decode("t1");

        expiry.setClock(Clock.fixed(T0.plus(Duration.ofMinutes(3)), ZoneOffset.UTC));
        assertThatThrownBy(() -> tokens.decode("t1")).isInstanceOf(JwtValidationException.class)
                .hasMessageContaining("expired");
    }

    @Test
    void aRefusedTokenIsCheckedInFullEachTime() {
        CheckedTokens tokens = new CheckedTokens(checksSignatures, expiry, Duration.ofMinutes(5), 100);

        assertThatThrownBy(() -> tokens.decode("forged-1")).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> tokens.decode("forged-1")).isInstanceOf(BadJwtException.class);

        assertThat(signatureChecks).hasValue(2);
    }
}
