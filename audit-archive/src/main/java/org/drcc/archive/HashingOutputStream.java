package org.drcc.archive;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Passes bytes on while computing their SHA-256 and counting them; closing it leaves the stream below open. */
final class HashingOutputStream extends FilterOutputStream {

    private final MessageDigest sha256;
    private long count;

    HashingOutputStream(OutputStream out) {
        super(out);
        try {
            this.sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void write(int b) throws IOException {
        out.write(b);
        sha256.update((byte) b);
        count++;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
        sha256.update(b, off, len);
        count += len;
    }

    @Override
    public void close() throws IOException {
        flush();
    }

    /** The hex SHA-256 of everything written; call once, at the end. */
    String sha256() {
        return HexFormat.of().formatHex(sha256.digest());
    }

    long count() {
        return count;
    }
}
