package org.drcc.kit.audit;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The canonical bytes of a stored event, exactly as the database's event_canonical_bytes() builds them
 * (each field length-prefixed, big-endian), and the chain step over them. Verification recomputes
 * them here, independently of the database's own function.
 */
record CanonicalEvent(String eventIdentifier, String aggregateIdentifier, long sequenceNumber, String type,
                      String payloadType, String payloadRevision, String timeStamp, byte[] payload, byte[] metaData) {

    byte[] bytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256 + payload.length);
        text(out, eventIdentifier);
        text(out, aggregateIdentifier);
        out.writeBytes(ByteBuffer.allocate(8).putLong(sequenceNumber).array());
        text(out, type == null ? "" : type);
        text(out, payloadType);
        text(out, payloadRevision == null ? "" : payloadRevision);
        text(out, timeStamp);
        bytes(out, payload);
        bytes(out, metaData == null ? new byte[0] : metaData);
        return out.toByteArray();
    }

    /** The chain step, {@code SHA-256(previous || bytes())}, fed straight into a reused digest: no copies. */
    byte[] link(MessageDigest sha, byte[] previous) {
        sha.reset();
        sha.update(previous);
        text(sha, eventIdentifier);
        text(sha, aggregateIdentifier);
        sha.update(ByteBuffer.allocate(8).putLong(sequenceNumber).array());
        text(sha, type == null ? "" : type);
        text(sha, payloadType);
        text(sha, payloadRevision == null ? "" : payloadRevision);
        text(sha, timeStamp);
        bytes(sha, payload);
        bytes(sha, metaData == null ? new byte[0] : metaData);
        return sha.digest();
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void text(MessageDigest sha, String value) {
        bytes(sha, value.getBytes(StandardCharsets.UTF_8));
    }

    private static void bytes(MessageDigest sha, byte[] value) {
        sha.update((byte) (value.length >>> 24));
        sha.update((byte) (value.length >>> 16));
        sha.update((byte) (value.length >>> 8));
        sha.update((byte) value.length);
        sha.update(value);
    }

    static byte[] link(byte[] previous, byte[] canonical) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(previous);
            return sha.digest(canonical);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void text(ByteArrayOutputStream out, String value) {
        bytes(out, value.getBytes(StandardCharsets.UTF_8));
    }

    private static void bytes(ByteArrayOutputStream out, byte[] value) {
        out.writeBytes(ByteBuffer.allocate(4).putInt(value.length).array());
        out.writeBytes(value);
    }
}
