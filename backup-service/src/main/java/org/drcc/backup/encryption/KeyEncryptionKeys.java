package org.drcc.backup.encryption;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.drcc.kit.keys.KeyFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The key-encryption keys by id, each a Tink AES256_GCM keyset read from its file at start. Rotation: add a new id
 * with a new file and make it active; the old ids stay, so the backups they wrapped stay restorable. A key file
 * that is missing or unreadable stops the start, naming the setting: found out then, not during a disaster.
 */
@Component
public class KeyEncryptionKeys {

    private static final Logger log = LoggerFactory.getLogger(KeyEncryptionKeys.class);
    /** Written into each dump's header and usable as a settings key and an environment variable's suffix. */
    private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private final Map<String, Aead> keys = new HashMap<>();
    private final String activeKeyId;

    KeyEncryptionKeys(EncryptionSettings settings) throws GeneralSecurityException {
        AeadConfig.register();
        this.activeKeyId = settings.activeKeyId();
        if (activeKeyId == null) {
            log.warn("dr.backup.encryption.active-key-id is empty: new backups are stored UNENCRYPTED");
        } else if (settings.keys().get(activeKeyId) == null || settings.keys().get(activeKeyId).toString().isBlank()) {
            throw new IllegalStateException("dr.backup.encryption.active-key-id is '" + activeKeyId
                    + "' but dr.backup.encryption.keys." + activeKeyId + " names no key file");
        }
        for (Map.Entry<String, Path> key : settings.keys().entrySet()) {
            String id = key.getKey();
            if (!KEY_ID.matcher(id).matches()) {
                throw new IllegalStateException("dr.backup.encryption.keys." + id + ": a key id is 1 to 64 letters, "
                        + "digits, '-' or '_'");
            }
            Path file = key.getValue();
            if (file == null || file.toString().isBlank()) {
                // an id set to nothing (DR_BACKUP_ENCRYPTION_KEYS_LOCAL=) takes a default key out
                continue;
            }
            if (id.equals(activeKeyId) && settings.createMissingKey() && !Files.exists(file)) {
                create(file);
                log.warn("Created the backup key-encryption key '{}' in {}: copy it off-site; without it, no backup "
                        + "it encrypts can be restored", id, file);
            }
            keys.put(id, read(id, file));
        }
    }

    /** The key id new backups are encrypted with; empty when encryption is off. */
    public Optional<String> activeKeyId() {
        return Optional.ofNullable(activeKeyId);
    }

    public boolean has(String keyId) {
        return keys.containsKey(keyId);
    }

    Aead kek(String backupId, String keyId) {
        Aead kek = keys.get(keyId);
        if (kek == null) {
            throw new MissingEncryptionKeyException(backupId, keyId);
        }
        return kek;
    }

    private static Aead read(String id, Path file) {
        try {
            return TinkJsonProtoKeysetFormat.parseKeyset(Files.readString(file), InsecureSecretKeyAccess.get())
                    .getPrimitive(RegistryConfiguration.get(), Aead.class);
        } catch (IOException | GeneralSecurityException e) {
            // the exception's message may quote the file; its content is never logged
            throw new IllegalStateException("dr.backup.encryption.keys." + id + ": the key file " + file
                    + " cannot be read as a Tink AEAD keyset (" + e.getClass().getSimpleName() + ")");
        }
    }

    /** A new AES256_GCM keyset, written as every key of the suite is ({@link KeyFiles#create}). */
    static void create(Path file) throws GeneralSecurityException {
        String json = TinkJsonProtoKeysetFormat.serializeKeyset(
                KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM), InsecureSecretKeyAccess.get());
        try {
            KeyFiles.create(file, json.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("cannot create the backup key-encryption key " + file + ": " + e, e);
        }
    }
}
