package org.drcc.backup.encryption;

import java.io.IOException;

/**
 * A dump does not decrypt: the key configured under its key id is not the key it was encrypted with, or the
 * object is not the encrypted dump of this backup. The message names the key id, never key material.
 */
public class DecryptionFailedException extends IOException {

    public DecryptionFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
