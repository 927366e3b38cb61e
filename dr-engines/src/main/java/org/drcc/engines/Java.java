package org.drcc.engines;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Command lines for child JVMs on this JVM's own runtime. */
public final class Java {

    /** Options for every child JVM, after the defaults. */
    public static final String OPTIONS_VARIABLE = "DR_JAVA_OPTIONS";

    private Java() {
    }

    public static String executable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** The class path of this JVM, which holds the engines' jars. */
    public static String classPath() {
        return System.getProperty("java.class.path");
    }

    /** The first class-path entry whose file name starts with {@code prefix}, such as an executable jar. */
    public static Path jarOnClassPath(String prefix, String suffix) {
        for (String entry : classPath().split(File.pathSeparator)) {
            String file = Path.of(entry).getFileName().toString();
            if (file.startsWith(prefix) && file.endsWith(suffix)) {
                return Path.of(entry);
            }
        }
        throw new IllegalStateException(prefix + "*" + suffix + " is not on the class path");
    }

    /**
     * A child JVM: a small heap, the serial collector and C1 only (several JVMs start at once on few cores: no
     * collector threads to compete for them, a quicker start), then {@code jvmArgs}, then the options in
     * {@value #OPTIONS_VARIABLE} (split at spaces), which, coming last, win: to measure other flags, for example
     * {@code -XX:TieredStopAtLevel=4} for C2, or a larger heap.
     */
    public static List<String> command(String heap, List<String> jvmArgs, List<String> mainAndArgs) {
        return command(heap, jvmArgs, mainAndArgs, System.getenv(OPTIONS_VARIABLE));
    }

    static List<String> command(String heap, List<String> jvmArgs, List<String> mainAndArgs, String options) {
        List<String> command = new ArrayList<>();
        command.add(executable());
        command.add("-Xmx" + heap);
        command.add("-XX:+UseSerialGC");
        command.add("-XX:TieredStopAtLevel=1");
        command.addAll(jvmArgs);
        if (options != null && !options.isBlank()) {
            command.addAll(List.of(options.strip().split("\\s+")));
        }
        command.addAll(mainAndArgs);
        return command;
    }
}
