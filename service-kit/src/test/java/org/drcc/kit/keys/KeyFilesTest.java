package org.drcc.kit.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.drcc.kit.audit.ChainSigner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mock.env.MockEnvironment;

class KeyFilesTest {

    @TempDir
    Path dir;

    @Test
    void underTheProdProfileAMissingKeyStopsTheServiceNamingTheSettingAndNoKeyIsMade() {
        MockEnvironment prod = new MockEnvironment();
        prod.setActiveProfiles("prod");
        Path key = dir.resolve("keys/incident-audit.key");

        assertThatThrownBy(() -> ChainSigner.fromFile(key, KeyFiles.of(prod)))
                .isInstanceOf(MissingKeyException.class)
                .hasMessageContaining("dr.audit.signing-key-file")
                .hasMessageContaining("DR_AUDIT_SIGNING_KEY_FILE")
                .hasMessageContaining(key.toString());
        assertThat(key).doesNotExist();
    }

    @Test
    void underTheProdProfileAMountedKeyIsUsedAsItIs() {
        Path key = dir.resolve("incident-audit.key");
        ChainSigner made = ChainSigner.fromFile(key, new KeyFiles(true));
        MockEnvironment prod = new MockEnvironment();
        prod.setActiveProfiles("prod");

        ChainSigner mounted = ChainSigner.fromFile(key, KeyFiles.of(prod));

        assertThat(mounted.keyId()).isEqualTo(made.keyId());
    }

    @Test
    void onALaptopAMissingKeyIsCreatedReadableByItsOwnerOnlyAndAnExplicitSettingWins() throws Exception {
        assertThat(KeyFiles.of(new MockEnvironment()).createsMissing()).isTrue();
        MockEnvironment prodAllowed = new MockEnvironment().withProperty("dr.keys.create-missing", "true");
        prodAllowed.setActiveProfiles("prod");
        assertThat(KeyFiles.of(prodAllowed).createsMissing()).as("a first install under prod").isTrue();

        Path key = dir.resolve("new/kek.key");
        byte[] bytes = new KeyFiles(true).readOrCreate(key, "dr.test.key-file", () -> new byte[] {1, 2, 3});

        assertThat(bytes).containsExactly(1, 2, 3);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key))).isEqualTo("rw-------");
        assertThat(new KeyFiles(false).readOrCreate(key, "dr.test.key-file", () -> new byte[] {9}))
                .as("an existing key is read, never replaced").containsExactly(1, 2, 3);
    }
}
