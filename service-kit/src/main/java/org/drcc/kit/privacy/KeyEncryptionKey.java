package org.drcc.kit.privacy;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import org.drcc.kit.keys.KeyFiles;

/**
 * The keyring's key-encryption key (KEK): a Google Tink keyset of AES-256-GCM keys in a file outside the
 * keyring database ({@code dr.privacy.kek-file}), so that a copy of the database alone opens nothing. Each
 * person's key is stored wrapped by the keyset's primary key (envelope encryption); Tink prefixes every
 * wrapped key with the id of the key that wrapped it, so older keys of the keyset still unwrap what they
 * wrapped until a rotation re-wraps it. The file is read again when it changes (a rotation adds a key), so
 * every instance learns a new primary key without a restart.
 */
public final class KeyEncryptionKey {

    private record Loaded(FileTime modified, KeysetHandle keyset, Aead aead) {
    }

    private final Path file;
    private volatile Loaded loaded;

    private KeyEncryptionKey(Path file) {
        this.file = file;
    }

    /** The keyset in {@code file}; a new one with one key when the file does not exist (readable by its owner only). */
    public static KeyEncryptionKey fromFile(Path file) {
        register();
        if (!Files.exists(file)) {
            try {
                write(file, KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM), false);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("cannot make a key-encryption key", e);
            }
        }
        KeyEncryptionKey kek = new KeyEncryptionKey(file);
        kek.current();
        return kek;
    }

    /**
     * The first half of a rotation: a new key is added to the keyset in {@code file} and made primary; the
     * old keys stay, so everything they wrapped still opens. {@link Keyring#rotate()} is the second half.
     * Returns the new key's id. (With Tink's own CLI: {@code tinkey add-key} then {@code tinkey promote-key}.)
     */
    public static long addPrimaryKey(Path file) {
        register();
        try {
            KeysetHandle old = read(file);
            KeysetHandle rotated = KeysetHandle.newBuilder(old)
                    .addEntry(KeysetHandle.generateEntryFromParameters(PredefinedAeadParameters.AES256_GCM)
                            .withRandomId().makePrimary())
                    .build();
            write(file, rotated, true);
            return Integer.toUnsignedLong(rotated.getPrimary().getId());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the key-encryption key file " + file + " is not a Tink keyset", e);
        }
    }

    /** The id of the key that wraps from now on. */
    long primaryId() {
        return Integer.toUnsignedLong(current().keyset().getPrimary().getId());
    }

    /** {@code key} wrapped by the primary key, bound to {@code context} (a row can not take another row's key). */
    byte[] wrap(byte[] key, String context) {
        try {
            return current().aead().encrypt(key, context.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the key-encryption key does not wrap", e);
        }
    }

    /** The key {@link #wrap} wrapped; an error when no key of the keyset wrapped it, or for another context. */
    byte[] unwrap(byte[] wrapped, String context) {
        try {
            return current().aead().decrypt(wrapped, context.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new UnreadablePersonalDataException("a keyring key does not unwrap with the key-encryption key "
                    + file.getFileName() + ": is dr.privacy.kek-file the file the other services use, and was the key "
                    + "that wrapped it removed before a rotation re-wrapped everything?", e);
        }
    }

    private Loaded current() {
        try {
            FileTime modified = Files.getLastModifiedTime(file);
            Loaded now = loaded;
            if (now == null || !now.modified().equals(modified)) {
                KeysetHandle keyset = read(file);
                now = new Loaded(modified, keyset, keyset.getPrimitive(RegistryConfiguration.get(), Aead.class));
                loaded = now;
            }
            return now;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the key-encryption key " + file, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the key-encryption key file " + file + " is not a Tink keyset", e);
        }
    }

    private static KeysetHandle read(Path file) throws GeneralSecurityException {
        try {
            return TinkJsonProtoKeysetFormat.parseKeyset(Files.readString(file), InsecureSecretKeyAccess.get());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the key-encryption key " + file, e);
        }
    }

    /**
     * A new keyset is written as every key of the suite is ({@link KeyFiles#create}: whole, then linked to its name
     * only if nothing is there yet, so that services starting together on a fresh machine all end up with the one
     * keyset that won). A rotated one is written to a sibling readable by its owner only (0600) and moved over the
     * file in one step.
     */
    private static void write(Path file, KeysetHandle keyset, boolean replace) throws GeneralSecurityException {
        byte[] json = TinkJsonProtoKeysetFormat.serializeKeyset(keyset, InsecureSecretKeyAccess.get())
                .getBytes(StandardCharsets.UTF_8);
        try {
            if (!replace) {
                KeyFiles.create(file, json);
                return;
            }
            Path dir = file.toAbsolutePath().getParent();
            Path next = Files.createTempFile(dir, file.getFileName() + ".", ".next");
            if (dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(next, PosixFilePermissions.fromString("rw-------"));
            }
            Files.write(next, json);
            Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the key-encryption key " + file, e);
        }
    }

    private static void register() {
        try {
            AeadConfig.register();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Tink's AEAD primitives are not available", e);
        }
    }
}
