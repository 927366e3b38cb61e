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
}
