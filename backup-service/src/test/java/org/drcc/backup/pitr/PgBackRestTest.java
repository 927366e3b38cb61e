package org.drcc.backup.pitr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tool's run is bounded by its timeout even when the tool writes nothing meanwhile (pgBackRest waiting on an S3
 * endpoint that does not answer): before, the timeout counted only once its output had ended, that is never.
 */
class PgBackRestTest {

    @TempDir
    Path dir;

    @Test
    void aToolThatHangsSilentlyIsStoppedAtItsTimeoutAndSaysSo() throws Exception {
        Path pid = dir.resolve("pid");
        PgBackRest tool = new PgBackRest(script("echo $$ > '" + pid + "'\nexec sleep 60\n"), config(), "protected",
                Map.of());
        long started = System.nanoTime();

        assertThatThrownBy(() -> tool.run(Duration.ofSeconds(1), "check"))
                .isInstanceOf(PgBackRestException.class)
                .hasMessage("pgbackrest check did not finish within PT1S");

        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("stopped at its timeout, not after its minute")
                .isLessThan(Duration.ofSeconds(30));
        // the script wrote its pid and became the sleep: that process is stopped, not left behind
        ProcessHandle.of(Long.parseLong(Files.readString(pid).strip()))
                .ifPresent(hung -> assertThat(hung.onExit()).succeedsWithin(Duration.ofSeconds(10)));
    }

    @Test
    void itsOutputIsItsAnswerAndItsErrorLinesAreItsFailure() throws Exception {
        PgBackRest answers = new PgBackRest(script("echo '[{\"archive\":[]}]'\n"), config(), "protected", Map.of());
        assertThat(answers.run(Duration.ofSeconds(30), "info")).isEqualTo("[{\"archive\":[]}]\n");

        PgBackRest fails = new PgBackRest(script("echo 'P00  ERROR: [055]: unable to load info file' >&2\nexit 55\n"),
                config(), "protected", Map.of());
        assertThatThrownBy(() -> fails.run(Duration.ofSeconds(30), "check"))
                .isInstanceOf(PgBackRestException.class)
                .hasMessage("pgbackrest check exited with 55: P00  ERROR: [055]: unable to load info file");
    }

    private String script(String body) throws Exception {
        Path script = Files.createTempFile(dir, "pgbackrest-", ".sh");
        Files.writeString(script, "#!/bin/sh\n" + body);
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        return script.toString();
    }

    private PgBackRestConfig config() {
        return new PgBackRestConfig(new PitrSettings(true, "foodtruck", "protected", dir, null, false, null, true,
                null, "0 15 2 * * *", Duration.ofMinutes(5), 2, null, null), null, null);
    }
}
