package org.drcc.backup.storage;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.util.HexFormat;

/** SHA-256 and byte count of what is written through it. */
final class Sha256Out extends FilterOutputStream {

    private final MessageDigest digest = Sha256.newDigest();
    private long count;

    Sha256Out(OutputStream out) {
        super(out);
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        digest.update(bytes, offset, length);
        count += length;
        out.write(bytes, offset, length);
    }

    /** Call once everything is written. */
    StoredObject measured() {
        return new StoredObject(count, HexFormat.of().formatHex(digest.digest()));
    }
}
