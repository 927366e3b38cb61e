package org.drcc.drill.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.SignedJWT;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import org.drcc.engines.LocalSigningKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DrillTokensTest {

    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

    @TempDir
    Path dir;

    @Test
    void mintsAShortLivedDrLeadTokenTheServicesAccept() throws Exception {
        LocalSigningKey key = LocalSigningKey.in(dir);
        DrillTokens tokens = new DrillTokens(null, key.privateKeyFile().toString(), "dr-drill", "dr-local",
                "dr-command-centre", Clock.fixed(NOW, ZoneOffset.UTC));

        SignedJWT jwt = SignedJWT.parse(tokens.current());

        assertThat(jwt.verify(new RSASSAVerifier(publicKey(key.publicKeyFile())))).isTrue();
        assertThat(jwt.getJWTClaimsSet().getIssuer()).isEqualTo("dr-local");
        assertThat(jwt.getJWTClaimsSet().getAudience()).containsExactly("dr-command-centre");
        assertThat(jwt.getJWTClaimsSet().getStringClaim("preferred_username")).isEqualTo("dr-drill");
        assertThat(jwt.getJWTClaimsSet().getStringListClaim("roles")).isEqualTo(List.of("dr-lead"));
        assertThat(jwt.getJWTClaimsSet().getExpirationTime().toInstant()).isEqualTo(NOW.plusSeconds(15 * 60));
        assertThat(tokens.current()).as("reused until shortly before it expires").isEqualTo(jwt.serialize());
    }

    @Test
    void aTokenFromTheIdentityProviderIsSentAsItIsAndNoneMeansNoHeader() {
        assertThat(new DrillTokens(" idp-token ", "", "dr-drill", "i", "a", Clock.systemUTC()).current())
                .isEqualTo("idp-token");
        assertThat(new DrillTokens(null, null, "dr-drill", "i", "a", Clock.systemUTC()).current()).isEmpty();
    }

    @Test
    void cannotStartWithAKeyFileThatIsNotAPrivateKey() throws Exception {
        Path notAKey = Files.writeString(dir.resolve("nope.pem"), "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n");
        assertThatThrownBy(() -> new DrillTokens(null, notAKey.toString(), "dr-drill", "i", "a", Clock.systemUTC()))
                .hasMessageContaining("is not a PKCS#8 RSA private key");
    }

    private static RSAPublicKey publicKey(Path pem) throws Exception {
        String body = Files.readString(pem).replaceAll("-----[A-Z ]+-----|\\s", "");
        return (RSAPublicKey) KeyFactory.getInstance("RSA")
                .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(body)));
    }
}
