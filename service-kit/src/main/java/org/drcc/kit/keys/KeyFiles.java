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
            Files.createDirectories(file.toAbsolutePath().getParent());
            try {
                writeOwnerOnly(file, generate.get());
            } catch (FileAlreadyExistsException raced) {
                // another instance created it a moment ago: use theirs
            }
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(setting + ": cannot read or create the key " + file, e);
        }
    }

    /**
     * Writes a new file readable by its owner only from the moment it exists (0600 where the file system has
     * POSIX permissions), not written with the umask and narrowed afterwards; fails if the file exists.
     */
    public static void writeOwnerOnly(Path file, byte[] bytes) throws IOException {
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } else {
            Files.createFile(file);
        }
        Files.write(file, bytes);
    }
}
