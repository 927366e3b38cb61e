package org.drcc.kit.io;

import java.io.IOException;
import java.io.OutputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Passes bytes on while computing their SHA-256 and counting them. Closing it leaves the stream below open: that
 * is a zip entry or an upload's part buffer, which its owner finishes.
 */
public final class Sha256Out extends DigestOutputStream {

    private long count;

    public Sha256Out(OutputStream out) {
        super(out, newDigest());
    }

    public static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    @Override
    public void write(int b) throws IOException {
        super.write(b);
        count++;
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        super.write(bytes, offset, length);
        count += length;
    }

    @Override
    public void close() throws IOException {
        flush();
    }

    /** The hex SHA-256 of everything written; call once, at the end. */
    public String sha256() {
        return HexFormat.of().formatHex(getMessageDigest().digest());
    }

    public long count() {
        return count;
    }
}
