package org.drcc.backup.job;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.drcc.kit.io.Sha256Out;

/**
 * Measures the stored bytes (SHA-256 and size) as a decrypting reader pulls them, so the checksum compared with the
 * backup's is the object's, the ciphertext, while only clear bytes are written on. The JDK's
 * {@code DigestInputStream} would do the hash but not the count, and the kit's {@link Sha256Out} does both.
 */
final class MeasuredInput extends FilterInputStream {

    private final Sha256Out measured = new Sha256Out(OutputStream.nullOutputStream());

    MeasuredInput(InputStream in) {
        super(in);
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            measured.write(b);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            measured.write(buffer, offset, n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        // every byte must pass through the digest
        return readNBytes((int) Math.min(n, Integer.MAX_VALUE)).length;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    /** Reads what the reader left, so the measure covers the whole object. */
    MeasuredInput drain() throws IOException {
        byte[] buffer = new byte[64 * 1024];
        while (read(buffer, 0, buffer.length) >= 0) {
            // measured by read
        }
        return this;
    }

    String sha256() {
        return measured.sha256();
    }

    long count() {
        return measured.count();
    }
}
