package org.drcc.engines;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class JavaTest {

    @Test
    void theOperatorsOptionsComeAfterTheDefaultsSoTheyWin() {
        List<String> command = Java.command("384m", List.of("-Duser.home=/app"), List.of("-jar", "service.jar"),
                " -XX:TieredStopAtLevel=4   -Xmx1g ");
        assertThat(command).containsSubsequence("-Xmx384m", "-XX:TieredStopAtLevel=1", "-Duser.home=/app",
                "-XX:TieredStopAtLevel=4", "-Xmx1g", "-jar", "service.jar");
        assertThat(command).doesNotContain("", " ");
    }

    @Test
    void withoutOptionsTheDefaultsStand() {
        assertThat(Java.command("256m", List.of(), List.of("Main"), null))
                .containsExactly(Java.executable(), "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "Main");
        assertThat(Java.command("256m", List.of(), List.of("Main"), "  ")).hasSize(5);
    }
}
