package org.drcc.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./dr up} refuses to start without pg_dump and pg_restore 15+, and says how to install them. */
class PgClientToolsTest {

    @TempDir
    Path dir;

    @Test
    void toolsOf15OrNewerPass() throws IOException {
        tool("pg_dump", "pg_dump (PostgreSQL) 16.4");
        tool("pg_restore", "pg_restore (PostgreSQL) 15.18 (Debian 15.18-0+deb12u1)");
        PgClientTools.check(dir);
    }

    @Test
    void aMissingToolIsNamedWithHowToInstallIt() throws IOException {
        tool("pg_dump", "pg_dump (PostgreSQL) 15.18");
        assertThatThrownBy(() -> PgClientTools.check(dir)).hasMessageContaining("pg_restore was not found in " + dir)
                .hasMessageContaining("Install them: ").hasMessageContaining("--pg-tools-dir");
    }

    @Test
    void anOlderToolIsRefusedNamingItsVersion() throws IOException {
        tool("pg_dump", "pg_dump (PostgreSQL) 13.16");
        tool("pg_restore", "pg_restore (PostgreSQL) 13.16");
        assertThatThrownBy(() -> PgClientTools.check(dir)).hasMessageContaining("pg_dump is too old (pg_dump (PostgreSQL) 13.16)")
                .hasMessageContaining("15 or newer");
    }

    @Test
    void dr_upStopsBeforeStartingAnythingWhenTheyAreMissing() {
        assertThat(Dr.run("up", "--pg-tools-dir", dir.toString(), "--home", dir.toString(),
                "--data-dir", dir.resolve("data").toString())).isEqualTo(1);
        assertThat(dir.resolve("data")).as("no engine was started").doesNotExist();
    }

    private void tool(String name, String version) throws IOException {
        Path script = dir.resolve(name);
        Files.writeString(script, "#!/bin/sh\necho '" + version + "'\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
}
