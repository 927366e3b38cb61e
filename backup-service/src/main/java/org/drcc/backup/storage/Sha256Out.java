package org.drcc.backup.storage;

import java.io.IOException;
import java.io.OutputStream;
import java.security.DigestOutputStream;
import java.util.HexFormat;

/** SHA-256 and byte count of what is written through it. */
final class Sha256Out extends DigestOutputStream {

    private long count;

    Sha256Out(OutputStream out) {
        super(out, Sha256.newDigest());
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

    /** Call once everything is written. */
    StoredObject measured() {
        return new StoredObject(count, HexFormat.of().formatHex(getMessageDigest().digest()));
    }
}
