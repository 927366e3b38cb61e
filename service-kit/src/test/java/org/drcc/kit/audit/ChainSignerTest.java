package org.drcc.kit.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChainSignerTest {

    @Test
    void aNewSigningKeyIsReadableByItsOwnerOnlyAndLoadsAgain(@TempDir Path dir) throws Exception {
        assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"), "a POSIX file system");
        Path key = dir.resolve("keys").resolve("audit.key");

        ChainSigner first = ChainSigner.fromFile(key);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key))).isEqualTo("rw-------");
        byte[] hash = new byte[32];
        assertThat(ChainSigner.fromFile(key).verify(7, hash, first.sign(7, hash))).as("the same key, loaded").isTrue();
    }
}
