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
