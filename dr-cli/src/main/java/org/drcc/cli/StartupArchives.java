package org.drcc.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.drcc.engines.Java;

/**
 * Class data sharing for the suite's Spring Boot JVMs, as Spring Boot documents it ("Class Data Sharing"): each jar is
 * extracted once with Spring Boot's own {@code -Djarmode=tools extract} (the JDK archives only classes it loads from
 * plain jars); the archive of the classes a service loaded is taken from its first instance once it is ready, the
 * first time the suite starts after a build ({@link #write}); every later start maps it ({@code -XX:SharedArchiveFile}).
 * The suite is then ready in two thirds of the time ({@code bench/start-benchmark}; docs/benchmarks.md, "Starting the
 * suite"). Without an archive, or with one the JDK refuses (another JDK), a service starts as before, only slower.
 * <p>
 * Everything lives beside the jar, in {@code target/cds/} (a rebuild with {@code clean} removes it): the extracted
 * jar and its {@code lib/}, {@code source} (the size and time of the jar it came from and the JDK: another jar or
 * another JDK has it extracted again and its archive dropped), and {@code <name>.jsa}; {@code cds.lock} beside the jar
 * keeps two {@code dr up} of one checkout from extracting at once. {@value #SWITCH_VARIABLE}{@code =off} turns all of it off.
 */
final class StartupArchives {

    /** The JDK's CDS warnings (classes it skips while writing an archive) would fill the services' logs. */
    private static final String QUIET = "-Xlog:cds=off,cds+dynamic=off";

    /** {@code off}: the jars run as they are, as before (to compare, or to rule the archives out). */
    static final String SWITCH_VARIABLE = "DR_STARTUP_ARCHIVES";

    private final PrintStream out;
    private final boolean on;

    StartupArchives(PrintStream out) {
        this(out, !"off".equalsIgnoreCase(System.getenv(SWITCH_VARIABLE)));
    }

    StartupArchives(PrintStream out, boolean on) {
        this.out = out;
        this.on = on;
    }

    /**
     * Extracts each jar not extracted yet (side by side: the extraction is a JVM of its own); a jar that cannot be
     * extracted is run as it is, and the reason printed.
     */
    void prepare(Collection<Path> jars) {
        if (!on) {
            return;
        }
        List<Process> running = new ArrayList<>();
        List<Path> extracting = new ArrayList<>();
        List<FileLock> locks = new ArrayList<>();
        try {
            for (Path jar : jars.stream().distinct().toList()) {
                try {
                    // another dr up of this checkout waits here rather than extract into the same folder
                    locks.add(FileChannel.open(jar.resolveSibling("cds.lock"), StandardOpenOption.CREATE,
                            StandardOpenOption.WRITE).lock());
                    if (current(jar)) {
                        continue;
                    }
                    Path cds = dir(jar);
                    deleteTree(cds);
                    Files.createDirectories(cds);
                    running.add(new ProcessBuilder(Java.executable(), "-Djarmode=tools", "-jar", jar.toString(), "extract",
                            "--destination", cds.resolve("app").toString())
                            .redirectErrorStream(true).redirectOutput(cds.resolve("extract.log").toFile()).start());
                    extracting.add(jar);
                } catch (IOException e) {
                    out.println("  " + jar.getFileName() + " runs without a startup archive: " + e.getMessage());
                }
            }
            for (int i = 0; i < running.size(); i++) {
                Path jar = extracting.get(i);
                boolean done = running.get(i).waitFor(2, TimeUnit.MINUTES);
                if (done && running.get(i).exitValue() == 0 && Files.isRegularFile(extracted(jar))) {
                    Files.writeString(dir(jar).resolve("source"), stamp(jar));
                } else {
                    out.println("  " + jar.getFileName() + " runs without a startup archive: its extraction failed (see "
                            + dir(jar).resolve("extract.log") + ")");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            out.println("  the jars run without startup archives: " + e.getMessage());
        } finally {
            running.forEach(Process::destroyForcibly);
            for (FileLock lock : locks) {
                try {
                    lock.channel().close();
                } catch (IOException e) {
                    // closing the channel releases the lock; there is nothing more to do
                }
            }
        }
    }

    /** How to start one instance of a jar: the JVM's options, and what follows them ({@code -jar} and the jar). */
    record Launch(List<String> options, List<String> jar) {
    }

    /**
     * How to start one instance of {@code jar}: with its archive if there is one; else, for the first instance, with
     * what lets {@link #write} take one from it; the fat jar itself, as before, when it was not extracted.
     */
    Launch launch(Path jar, boolean firstInstance) {
        if (!on || !current(jar)) {
            return new Launch(List.of(), List.of("-jar", jar.toString()));
        }
        List<String> options = new ArrayList<>(List.of(QUIET));
        if (Files.isRegularFile(archive(jar))) {
            options.add("-XX:SharedArchiveFile=" + archive(jar));
        } else if (firstInstance) {
            options.add("-XX:+RecordDynamicDumpInfo");
        }
        return new Launch(options, List.of("-jar", extracted(jar).toString()));
    }

    /** Whether {@code jar}'s first instance was started to have its archive taken by {@link #write}. */
    boolean wanted(Path jar) {
        return on && Files.isExecutable(jcmd()) && current(jar) && !Files.isRegularFile(archive(jar));
    }

    /**
     * Takes the archives of the running JVMs ({@code pids}: each jar's first instance, started by {@link #launch}) once
     * they are ready, all at once: the JDK's {@code jcmd <pid> VM.cds dynamic_dump}, which holds each JVM still for
     * the seconds it takes. Each is written beside its place and moved there once whole and mapped by a JVM started as
     * the jar's are: a stop or a kill meanwhile leaves no archive that a later start would try. Without {@code jcmd} (a runtime without the JDK's tools) there
     * are none.
     */
    void write(Map<Path, Long> pids) {
        Path jcmd = jcmd();
        if (!Files.isExecutable(jcmd)) {
            return;
        }
        Map<Path, Process> dumps = new LinkedHashMap<>();
        pids.forEach((jar, pid) -> {
            try {
                dumps.put(jar, new ProcessBuilder(jcmd.toString(), Long.toString(pid), "VM.cds", "dynamic_dump",
                        part(jar, pid).toString()).redirectErrorStream(true)
                        .redirectOutput(dir(jar).resolve("dump.log").toFile()).start());
            } catch (IOException e) {
                out.println("  no startup archive for " + jar.getFileName() + ": " + e.getMessage());
            }
        });
        dumps.forEach((jar, dump) -> {
            Path part = part(jar, pids.get(jar));
            try {
                if (dump.waitFor(3, TimeUnit.MINUTES) && dump.exitValue() == 0 && maps(jar, part)) {
                    try {
                        Files.move(part, archive(jar), StandardCopyOption.ATOMIC_MOVE);
                    } catch (AtomicMoveNotSupportedException e) {
                        Files.move(part, archive(jar), StandardCopyOption.REPLACE_EXISTING);
                    }
                } else {
                    dump.destroyForcibly();
                    Files.deleteIfExists(part);
                    out.println("  no startup archive for " + jar.getFileName() + " (see " + dir(jar).resolve("dump.log") + ")");
                }
            } catch (InterruptedException e) {
                dump.destroyForcibly();
                Thread.currentThread().interrupt();
            } catch (IOException e) {
                out.println("  no startup archive for " + jar.getFileName() + ": " + e.getMessage());
            }
        });
    }

    /** Whether a JVM started as the jar's are maps {@code archive}: {@code -Xshare:on} refuses to start otherwise. */
    private static boolean maps(Path jar, Path archive) throws IOException, InterruptedException {
        if (!Files.isRegularFile(archive)) {
            return false;
        }
        Process check = new ProcessBuilder(Java.command("64m", List.of(QUIET, "-Xshare:on",
                "-XX:SharedArchiveFile=" + archive, "-cp", extracted(jar).toString()), List.of("-version")))
                .redirectErrorStream(true).redirectOutput(dir(jar).resolve("check.log").toFile()).start();
        if (!check.waitFor(1, TimeUnit.MINUTES)) {
            check.destroyForcibly();
            return false;
        }
        return check.exitValue() == 0;
    }

    private boolean current(Path jar) {
        try {
            Path source = dir(jar).resolve("source");
            return Files.isRegularFile(extracted(jar)) && Files.isRegularFile(source)
                    && Files.readString(source).equals(stamp(jar));
        } catch (IOException e) {
            return false;
        }
    }

    /** The jar (size, time) and the JDK (an archive is of one JVM build: another refuses it without a word). */
    private static String stamp(Path jar) throws IOException {
        return Files.size(jar) + " " + Files.getLastModifiedTime(jar).toMillis() + " "
                + System.getProperty("java.vm.version") + " " + System.getProperty("java.home");
    }

    private static Path dir(Path jar) {
        return jar.resolveSibling("cds");
    }

    private static Path extracted(Path jar) {
        return dir(jar).resolve("app").resolve(jar.getFileName());
    }

    private static Path archive(Path jar) {
        return dir(jar).resolve(name(jar) + ".jsa");
    }

    /** Each JVM's archive is written apart: two dr up of one checkout never write the same file. */
    private static Path part(Path jar, long pid) {
        return dir(jar).resolve(name(jar) + ".jsa." + pid + ".part");
    }

    private static Path jcmd() {
        return Path.of(Java.executable()).resolveSibling("jcmd");
    }

    private static String name(Path jar) {
        String file = jar.getFileName().toString();
        return file.substring(0, file.length() - ".jar".length());
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
