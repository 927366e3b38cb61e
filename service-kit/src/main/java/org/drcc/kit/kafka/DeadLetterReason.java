package org.drcc.kit.kafka;

/**
 * Marks an exception whose message was written to be shown: it names no secret (no address, credential or
 * personal data), so a parked record's dead-letter headers may carry it ({@link DeadLetters}).
 */
public interface DeadLetterReason {
}
