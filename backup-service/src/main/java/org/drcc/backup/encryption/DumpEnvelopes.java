package org.drcc.backup.encryption;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.StreamingAead;
import com.google.crypto.tink.TinkProtoKeysetFormat;
import com.google.crypto.tink.streamingaead.PredefinedStreamingAeadParameters;
import com.google.crypto.tink.streamingaead.StreamingAeadConfig;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import org.springframework.stereotype.Component;

/**
 * Envelope encryption of a dump as it streams: a new Tink streaming AEAD keyset (AES256_GCM_HKDF_1MB: AES-256-GCM
 * in 1 MB segments, each authenticated, truncation detected) per backup, wrapped by the key-encryption key of a key
 * id. The stored object is self-describing, so any copy in any tier decrypts with the key id's key alone:
 * <pre>"DRCCENC1" | key id (modified UTF-8, length-prefixed) | wrapped keyset length (int) | wrapped keyset |
 * Tink streaming ciphertext</pre>
 * The associated data of both the wrapping and the stream is the backup id and its database, so a dump cannot be
 * passed off as another backup's. The data key exists in memory only while one stream runs.
 */
@Component
public class DumpEnvelopes {

    /** The format of the stored object; the catalogue and {@code dr.backup.encrypted.v1} name it. */
    public static final String ALGORITHM = "AES256_GCM_HKDF_1MB";
    private static final byte[] MAGIC = "DRCCENC1".getBytes(StandardCharsets.US_ASCII);
    private static final int MAX_WRAPPED = 64 * 1024;

    private final KeyEncryptionKeys keys;

    DumpEnvelopes(KeyEncryptionKeys keys) throws GeneralSecurityException {
        StreamingAeadConfig.register();
        this.keys = keys;
    }

    /**
     * The stream a new backup's dump is written to: it writes the header to {@code out} at once and then the
     * ciphertext; closing it writes the last segment (and leaves {@code out} as its close does). A null
     * {@code keyId} (encryption off) gives {@code out} itself.
     */
    public OutputStream seal(OutputStream out, String keyId, String backupId, String database) throws IOException {
        if (keyId == null) {
            return out;
        }
        Aead kek = keys.kek(backupId, keyId);
        byte[] aad = associatedData(backupId, database);
        try {
            KeysetHandle dataKey = KeysetHandle.generateNew(PredefinedStreamingAeadParameters.AES256_GCM_HKDF_1MB);
            byte[] wrapped = TinkProtoKeysetFormat.serializeEncryptedKeyset(dataKey, kek, aad);
            DataOutputStream header = new DataOutputStream(out);
            header.write(MAGIC);
            header.writeUTF(keyId);
            header.writeInt(wrapped.length);
            header.write(wrapped);
            header.flush();
            return dataKey.getPrimitive(RegistryConfiguration.get(), StreamingAead.class).newEncryptingStream(out, aad);
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot encrypt the dump of backup " + backupId + " with key id '" + keyId + "'", e);
        }
    }

    /**
     * The clear dump read from a stored object {@code in}: the header is read and the data key unwrapped at once (a
     * wrong key fails here, before a byte of the dump is given out), the rest as it is read. Each segment is
     * authenticated before it is given out, so a dump altered or cut short fails instead of restoring wrong data.
     * A null {@code keyId} (a backup stored before encryption) gives {@code in} itself.
     */
    public InputStream open(InputStream in, String keyId, String backupId, String database) throws IOException {
        if (keyId == null) {
            return in;
        }
        Aead kek = keys.kek(backupId, keyId);
        DataInputStream header = new DataInputStream(in);
        byte[] magic = header.readNBytes(MAGIC.length);
        if (!Arrays.equals(magic, MAGIC)) {
            throw new DecryptionFailedException("the object of backup " + backupId + " is not an encrypted dump, "
                    + "though the backup was recorded as encrypted with key id '" + keyId + "'", null);
        }
        String storedKeyId = header.readUTF();
        if (!storedKeyId.equals(keyId)) {
            throw new DecryptionFailedException("the object of backup " + backupId + " names key id '" + storedKeyId
                    + "', the backup was recorded with '" + keyId + "'", null);
        }
        int length = header.readInt();
        if (length <= 0 || length > MAX_WRAPPED) {
            throw new DecryptionFailedException("the object of backup " + backupId + " has a damaged header", null);
        }
        byte[] wrapped = header.readNBytes(length);
        byte[] aad = associatedData(backupId, database);
        KeysetHandle dataKey;
        try {
            dataKey = TinkProtoKeysetFormat.parseEncryptedKeyset(wrapped, kek, aad);
        } catch (GeneralSecurityException e) {
            throw new DecryptionFailedException("backup " + backupId + " does not decrypt with the key configured as "
                    + "key id '" + keyId + "': it is not the key the backup was encrypted with (or the object is not "
                    + "this backup's)", e);
        }
        try {
            return dataKey.getPrimitive(RegistryConfiguration.get(), StreamingAead.class).newDecryptingStream(in, aad);
        } catch (GeneralSecurityException e) {
            throw new DecryptionFailedException("cannot decrypt backup " + backupId + " with key id '" + keyId + "'", e);
        }
    }

    /** Whether a backup recorded with {@code keyId} (null: not encrypted) can be opened here. */
    public boolean canOpen(String keyId) {
        return keyId == null || keys.has(keyId);
    }

    /** The key id new backups are encrypted with, or null when encryption is off. */
    public String activeKeyId() {
        return keys.activeKeyId().orElse(null);
    }

    private static byte[] associatedData(String backupId, String database) {
        return ("drcc-backup\0" + backupId + "\0" + database).getBytes(StandardCharsets.UTF_8);
    }
}
