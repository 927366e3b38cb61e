package org.drcc.backup.encryption;

import org.drcc.kit.rules.RuleRefusedException;

/** A backup is encrypted with a key id this service has no key for: refused (409), naming the id, never a key. */
public class MissingEncryptionKeyException extends RuleRefusedException {

    public MissingEncryptionKeyException(String backupId, String keyId) {
        super("backup", "backup " + backupId + " is encrypted with key id '" + keyId + "', which this service has no "
                + "key for: configure its key file as dr.backup.encryption.keys." + keyId + " (DR_BACKUP_ENCRYPTION_KEYS_"
                + keyId.toUpperCase(java.util.Locale.ROOT).replace('-', '_') + ") and try again; nothing was restored");
    }
}
