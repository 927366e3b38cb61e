package org.drcc.kit.keys;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.function.Supplier;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;

/**
 * The one rule for a service's key files (audit signing keys, key-encryption keys): each key is a file named by a
 * setting (so {@code DR_..._FILE} in the environment points it at a mounted volume or secret), read as it is, and
 * created readable by its owner only (0600) when it is missing and creating is allowed.
 *
 * <p>Creating is allowed on a laptop ({@code ./dr up}, tests) and refused under the {@code prod} profile, or
 * wherever {@code dr.keys.create-missing=false}: there a missing key stops the service with the setting to fix,
 * because a silently new key would make the records signed or sealed with the old one unverifiable or unreadable.
 */
public final class KeyFiles {

    private final boolean createMissing;

    public KeyFiles(boolean createMissing) {
        this.createMissing = createMissing;
    }

    /** {@code dr.keys.create-missing} when set, else true except under the {@code prod} profile. */
    public static KeyFiles of(Environment environment) {
        Boolean set = environment.getProperty("dr.keys.create-missing", Boolean.class);
        return new KeyFiles(set != null ? set : !environment.acceptsProfiles(Profiles.of("prod")));
    }

    public boolean createsMissing() {
        return createMissing;
    }

    /**
     * The bytes of the key at {@code file}; when it is missing and creating is allowed, {@code generate}'s bytes,
     * written 0600 first. Two instances creating at once keep one key: the loser reads the winner's file.
     *
     * @param setting the setting that names the file, for the message an operator reads
     */
    public byte[] readOrCreate(Path file, String setting, Supplier<byte[]> generate) {
        try {
            if (Files.exists(file)) {
                return Files.readAllBytes(file);
            }
            if (!createMissing) {
                throw new MissingKeyException(setting, file);
            }
            create(file, generate.get());
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(setting + ": cannot read or create the key " + file, e);
        }
    }

    /**
     * Writes a new key readable by its owner only (0600, in a 0700 folder where POSIX allows): written whole to a
     * file of its own, then linked under its name, which fails if the name exists. So a crash never leaves half a
     * key, and two instances starting at once on one host end up with the one key that was linked first.
     */
    public static void create(Path file, byte[] bytes) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        boolean posix = dir.getFileSystem().supportedFileAttributeViews().contains("posix");
        if (!Files.isDirectory(dir)) {
            if (posix) {
                Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            } else {
                Files.createDirectories(dir);
            }
        }
        Path draft = Files.createTempFile(dir, ".key-", ".tmp"); // 0600 where POSIX permissions exist
        try {
            Files.write(draft, bytes);
            try {
                Files.createLink(file, draft);
            } catch (UnsupportedOperationException noHardLinks) {
                Files.move(draft, file); // no REPLACE_EXISTING: fails if another instance made it first
            }
        } catch (FileAlreadyExistsException made) {
            // another instance made it meanwhile: that one is the key
        } finally {
            Files.deleteIfExists(draft);
        }
    }
}
