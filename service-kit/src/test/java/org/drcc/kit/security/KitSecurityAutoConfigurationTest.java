package org.drcc.kit.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.drcc.engines.LocalSigningKey;
import org.drcc.engines.LocalTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

class KitSecurityAutoConfigurationTest {

    @TempDir
    Path keys;

    @Test
    void theProdProfileRefusesToStartWithTheLocalKey() {
        SecurityProperties local = new SecurityProperties("dr-local", "dr-command-centre", null,
                LocalSigningKey.in(keys).publicKeyFile().toString(), null);
        org.springframework.mock.env.MockEnvironment prod = new org.springframework.mock.env.MockEnvironment();
        prod.setActiveProfiles("prod");
        assertThatThrownBy(() -> new KitSecurityAutoConfiguration().jwtDecoder(local, prod))
                .isInstanceOf(LocalKeyRefused.class).hasMessageContaining("DR_SECURITY_JWK_SET_URI");
    }

    @Test
    void theProdProfileStartsWithTheIssuersJwks() {
        SecurityProperties jwks = new SecurityProperties("https://idp.example", "dr-command-centre",
                "https://idp.example/jwks.json", null, null);
        org.springframework.mock.env.MockEnvironment prod = new org.springframework.mock.env.MockEnvironment();
        prod.setActiveProfiles("prod");
        assertThat(new KitSecurityAutoConfiguration().jwtDecoder(jwks, prod)).isNotNull();
    }

    @Test
    void aLocalTokenIsAcceptedAndNamesItsCallerAndRoles() {
        JwtDecoder decoder = localDecoder();
        Jwt jwt = decoder.decode(new LocalTokens(LocalSigningKey.in(keys)).issue("dana", List.of("dba"), Duration.ofMinutes(1)));
        var authentication = new TokenAuthentication("roles").convert(jwt);
        assertThat(authentication.getName()).isEqualTo("dana");
        assertThat(authentication.getAuthorities()).extracting(Object::toString).containsExactly("ROLE_dba");
    }

    @Test
    void aTokenFromAnotherKeyIsRefused(@TempDir Path otherKeys) {
        String forged = new LocalTokens(LocalSigningKey.in(otherKeys)).issue("dana", List.of("dr-lead"), Duration.ofMinutes(1));
        assertThatThrownBy(() -> localDecoder().decode(forged)).isInstanceOf(JwtException.class);
    }

    @Test
    void withoutAnyKeyEveryTokenIsRefused() {
        SecurityProperties none = new SecurityProperties("dr-local", "dr-command-centre", null, null, null);
        JwtDecoder decoder = new KitSecurityAutoConfiguration().jwtDecoder(none, new org.springframework.mock.env.MockEnvironment());
        String token = new LocalTokens(LocalSigningKey.in(keys)).issue("dana", List.of("dr-lead"), Duration.ofMinutes(1));
        assertThatThrownBy(() -> decoder.decode(token)).isInstanceOf(JwtException.class);
    }

    private JwtDecoder localDecoder() {
        SecurityProperties local = new SecurityProperties("dr-local", "dr-command-centre", null,
                LocalSigningKey.in(keys).publicKeyFile().toString(), null);
        return new KitSecurityAutoConfiguration().jwtDecoder(local, new org.springframework.mock.env.MockEnvironment());
    }
}
