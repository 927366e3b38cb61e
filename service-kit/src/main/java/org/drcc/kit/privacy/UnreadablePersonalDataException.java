package org.drcc.kit.privacy;

import org.drcc.kit.kafka.DeadLetterReason;

/**
 * A sealed personal value that cannot be opened: altered, sealed under another keyring, or its key wrapped by a
 * key-encryption key this service does not have. The message names the subject id (a pseudonym), never a value
 * or a key, so a parked record's dead-letter headers may carry it.
 */
public class UnreadablePersonalDataException extends IllegalStateException implements DeadLetterReason {

    public UnreadablePersonalDataException(String message, Throwable cause) {
        super(message, cause);
    }
}
