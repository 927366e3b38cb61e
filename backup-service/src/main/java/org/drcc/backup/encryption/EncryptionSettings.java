package org.drcc.backup.encryption;

import java.nio.file.Path;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code dr.backup.encryption.*}: the key-encryption keys by id (each a Tink AEAD keyset file, JSON), the one new
 * backups are encrypted with, and whether a missing file of the active key is created (local runs and tests only:
 * a key made on a host that a disaster takes with it would make every backup unreadable).
 *
 * @param activeKeyId empty: new backups are stored unencrypted (a warning at start)
 */
@ConfigurationProperties("dr.backup.encryption")
public record EncryptionSettings(Map<String, Path> keys, String activeKeyId, boolean createMissingKey) {

    public EncryptionSettings {
        keys = keys == null ? Map.of() : Map.copyOf(keys);
        activeKeyId = activeKeyId == null || activeKeyId.isBlank() ? null : activeKeyId.strip();
    }
}
