package org.drcc.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The PostgreSQL client tools backups, verifications, restores and drills run: {@code pg_dump} and
 * {@code pg_restore}, 15 or newer (the local server is PostgreSQL 15, and pg_dump refuses a server newer than
 * itself). {@code ./dr up} checks them before it starts anything, so that a machine without them learns it at once
 * and how to install them, instead of from the first failed backup.
 */
final class PgClientTools {

    static final int MINIMUM_MAJOR = 15;
    private static final List<String> TOOLS = List.of("pg_dump", "pg_restore");
    private static final Pattern MAJOR = Pattern.compile("\\(PostgreSQL\\) (\\d+)");

    private PgClientTools() {
    }

    /** Throws an {@link IllegalStateException} saying what is missing and how to install it; {@code dir} null: PATH. */
    static void check(Path dir) {
        for (String tool : TOOLS) {
            String executable = dir == null ? tool : dir.resolve(tool).toString();
            String version = version(executable);
            if (version == null) {
                throw new IllegalStateException(tool + " was not found " + (dir == null ? "on the PATH" : "in " + dir)
                        + ": backups, verifications, restores and drills run it. " + install());
            }
            Matcher major = MAJOR.matcher(version);
            if (!major.find() || Integer.parseInt(major.group(1)) < MINIMUM_MAJOR) {
                throw new IllegalStateException(tool + " is too old (" + version.strip() + "); " + MINIMUM_MAJOR
                        + " or newer is needed for the PostgreSQL " + MINIMUM_MAJOR + " server. " + install());
            }
        }
    }

    /** What {@code <tool> --version} prints, or null when it cannot be run. */
    private static String version(String executable) {
        try {
            Process process = new ProcessBuilder(executable, "--version").redirectErrorStream(true).start();
            String printed = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return process.waitFor(10, TimeUnit.SECONDS) && process.exitValue() == 0 ? printed : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** How to install them on this platform; then --pg-tools-dir for tools that are not on the PATH. */
    static String install() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String how;
        if (os.contains("mac")) {
            how = "brew install postgresql@" + MINIMUM_MAJOR + " (or brew install libpq, whose bin folder then needs "
                    + "--pg-tools-dir)";
        } else if (os.contains("win")) {
            how = "the PostgreSQL " + MINIMUM_MAJOR + "+ installer with its \"Command Line Tools\"";
        } else {
            String release = osRelease();
            if (release.contains("debian") || release.contains("ubuntu")) {
                how = "sudo apt-get install postgresql-client-" + MINIMUM_MAJOR + " (or postgresql-client where the "
                        + "release packages " + MINIMUM_MAJOR + " or newer)";
            } else if (release.contains("fedora") || release.contains("rhel") || release.contains("centos")) {
                how = "sudo dnf install postgresql" + MINIMUM_MAJOR;
            } else if (release.contains("alpine")) {
                how = "apk add postgresql" + MINIMUM_MAJOR + "-client";
            } else {
                how = "your system's PostgreSQL " + MINIMUM_MAJOR + "+ client package";
            }
        }
        return "Install them: " + how + "; or point --pg-tools-dir at a folder holding pg_dump and pg_restore.";
    }

    private static String osRelease() {
        try {
            return Files.readString(Path.of("/etc/os-release")).toLowerCase(Locale.ROOT);
        } catch (IOException e) {
            return "";
        }
    }
}
