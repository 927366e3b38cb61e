package org.drcc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How {@code dr up} starts a service's jar: extracted once with Spring Boot's own tool, its first instance recorded so
 * that its archive can be taken, later starts on that archive, and a rebuilt jar extracted again and never started on
 * the archive of the one before. On the built demo application's jar (the smallest of the suite's); the archive
 * itself is taken from running services by the suite ITs ({@code SuiteIT} checks that the services run on theirs).
 */
class StartupArchivesTest {

    @TempDir
    Path home;

    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final StartupArchives archives = new StartupArchives(new PrintStream(printed, true, StandardCharsets.UTF_8), true);

    @Test
    void aJarIsExtractedOnceItsFirstInstanceRecordedAndARebuiltJarStartsAfresh() throws Exception {
        Path jar = builtJar();
        Path extracted = home.resolve("demo-app/target/cds/app/demo-app.jar");

        assertThat(archives.launch(jar, true).jar()).as("not extracted yet: the jar as it is")
                .containsExactly("-jar", jar.toString());
        archives.prepare(List.of(jar));
        assertThat(extracted).isRegularFile();
        assertThat(extracted.resolveSibling("lib")).isDirectory();
        StartupArchives.Launch first = archives.launch(jar, true);
        assertThat(first.jar()).containsExactly("-jar", extracted.toString());
        assertThat(first.options()).contains("-XX:+RecordDynamicDumpInfo").noneMatch(o -> o.startsWith("-XX:SharedArchiveFile"));
        assertThat(archives.launch(jar, false).options()).as("a second instance is never recorded")
                .doesNotContain("-XX:+RecordDynamicDumpInfo");
        assertThat(archives.wanted(jar)).isTrue();

        Path archive = home.resolve("demo-app/target/cds/demo-app.jsa");
        Files.writeString(archive, "an archive taken earlier");
        assertThat(archives.launch(jar, true).options()).contains("-XX:SharedArchiveFile=" + archive)
                .doesNotContain("-XX:+RecordDynamicDumpInfo");
        assertThat(archives.launch(jar, false).options()).contains("-XX:SharedArchiveFile=" + archive);
        assertThat(archives.wanted(jar)).isFalse();
        FileTime extractedAt = Files.getLastModifiedTime(extracted);
        archives.prepare(List.of(jar));
        assertThat(Files.getLastModifiedTime(extracted)).as("extracted once").isEqualTo(extractedAt);

        // a rebuild: the same jar, another time stamp
        Files.setLastModifiedTime(jar, FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() + 60_000));
        assertThat(archives.launch(jar, true).jar()).as("stale: the jar as it is until extracted again")
                .containsExactly("-jar", jar.toString());
        archives.prepare(List.of(jar));
        assertThat(archive).as("the archive of the jar before is gone").doesNotExist();
        assertThat(archives.launch(jar, true).options()).contains("-XX:+RecordDynamicDumpInfo");
        assertThat(printed.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void switchedOffTheJarsRunAsTheyAre() throws Exception {
        Path jar = builtJar();
        StartupArchives off = new StartupArchives(System.out, false);
        off.prepare(List.of(jar));
        assertThat(home.resolve("demo-app/target/cds")).doesNotExist();
        assertThat(off.launch(jar, true)).isEqualTo(new StartupArchives.Launch(List.of(), List.of("-jar", jar.toString())));
        assertThat(off.wanted(jar)).isFalse();
    }

    @Test
    void anArchiveThatCannotBeTakenLeavesNoneAndSaysWhere() throws Exception {
        Path jar = builtJar();
        archives.prepare(List.of(jar));
        // this test's JVM was not started to record an archive (-XX:+RecordDynamicDumpInfo): jcmd's dump fails, and
        // nothing is left for a later start to try
        archives.write(Map.of(jar, ProcessHandle.current().pid()));
        assertThat(home.resolve("demo-app/target/cds/demo-app.jsa")).doesNotExist();
        try (var files = Files.list(home.resolve("demo-app/target/cds"))) {
            assertThat(files.map(f -> f.getFileName().toString())).noneMatch(f -> f.endsWith(".part"));
        }
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("no startup archive for demo-app.jar",
                "dump.log");
        assertThat(archives.launch(jar, true).options()).contains("-XX:+RecordDynamicDumpInfo");
    }

    /** The demo application's jar as the build made it, in a project folder of the test's own. */
    private Path builtJar() throws Exception {
        Path built = Path.of("..", "demo-app", "target", "demo-app.jar");
        assertThat(built).as("built before dr-cli's tests (the reactor's order)").isRegularFile();
        Path jar = home.resolve("demo-app/target/demo-app.jar");
        Files.createDirectories(jar.getParent());
        Files.copy(built, jar);
        return jar;
    }
}
