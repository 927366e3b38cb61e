package org.drcc.engines;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Command lines for child JVMs on this JVM's own runtime. */
public final class Java {

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

    public static List<String> command(String heap, List<String> jvmArgs, List<String> mainAndArgs) {
        List<String> command = new ArrayList<>();
        command.add(executable());
        command.add("-Xmx" + heap);
        command.add("-XX:+UseSerialGC");
        command.add("-XX:TieredStopAtLevel=1");
        command.addAll(jvmArgs);
        command.addAll(mainAndArgs);
        return command;
    }
}
