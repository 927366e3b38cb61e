package org.drcc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The CLI's contract with scripts: exit codes that say what went wrong. */
class DrTest {

    @Test
    void anUnknownCommandIsAUsageError() {
        assertThat(Dr.run("incident", "explode")).isEqualTo(2);
    }

    @Test
    void aMissingRequiredOptionIsAUsageError() {
        assertThat(Dr.run("incident", "declare", "--title", "no scenario")).isEqualTo(2);
    }

    @Test
    void anEvidencePackWithAnUnreadableTimeIsAUsageError() {
        assertThat(Dr.run("audit", "evidence", "--from", "yesterday", "--to", "2026-01-02T00:00:00Z", "-o", "x.zip")).isEqualTo(2);
    }

    @Test
    void anUnreachableServiceIsExitCode3() {
        assertThat(Dr.run("incident", "list", "--incident-url", "http://127.0.0.1:9")).isEqualTo(3);
    }

    @Test
    void everyCommandHasHelp() {
        assertThat(Dr.run("--help")).isZero();
        assertThat(Dr.run("incident", "declare", "--help")).isZero();
        assertThat(Dr.run("backup", "restore", "--help")).isZero();
        assertThat(Dr.run("audit", "verify", "--help")).isZero();
        assertThat(Dr.run("audit", "evidence", "--help")).isZero();
    }

    @Test
    void loginWritesAShortLivedTokenForTheRoleSignedByTheLocalKey(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        assertThat(Dr.run("login", "--role", "dr-lead", "--name", "dana", "--ttl", "PT10M", "--data-dir", dir.toString()))
                .isZero();
        String token = java.nio.file.Files.readString(dir.resolve("token"));
        com.nimbusds.jwt.SignedJWT jwt = com.nimbusds.jwt.SignedJWT.parse(token);
        java.security.interfaces.RSAPublicKey key = (java.security.interfaces.RSAPublicKey) java.security.KeyFactory
                .getInstance("RSA").generatePublic(new java.security.spec.X509EncodedKeySpec(java.util.Base64.getMimeDecoder()
                        .decode(java.nio.file.Files.readString(dir.resolve("keys").resolve("token-signing.pub.pem"))
                                .replaceAll("-----[A-Z ]+-----", ""))));
        assertThat(jwt.verify(new com.nimbusds.jose.crypto.RSASSAVerifier(key))).isTrue();
        assertThat(jwt.getJWTClaimsSet().getStringListClaim("roles")).containsExactly("dr-lead");
        assertThat(jwt.getJWTClaimsSet().getClaim("preferred_username")).isEqualTo("dana");
        assertThat(jwt.getJWTClaimsSet().getExpirationTime().toInstant())
                .isBefore(java.time.Instant.now().plusSeconds(601));
    }

    @Test
    void loginRefusesAnUnknownRoleOrALongLife(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        assertThat(Dr.run("login", "--role", "god", "--data-dir", dir.toString())).isEqualTo(2);
        assertThat(Dr.run("login", "--role", "viewer", "--ttl", "P30D", "--data-dir", dir.toString())).isEqualTo(2);
        assertThat(java.nio.file.Files.exists(dir.resolve("token"))).isFalse();
    }
}
