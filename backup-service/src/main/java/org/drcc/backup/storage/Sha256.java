package org.drcc.backup.storage;

import java.io.IOException;
import java.io.InputStream;
import java.security.DigestInputStream;
import java.util.HexFormat;
import org.drcc.kit.io.Sha256Out;

/** SHA-256 and byte count of a stream, measured as it is read by someone else. */
public final class Sha256 extends DigestInputStream {

    private long count;

    public Sha256(InputStream in) {
        super(in, Sha256Out.newDigest());
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            count++;
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            count += n;
        }
        return n;
    }

    /** Call once the stream is read to its end. */
    public StoredObject measured() {
        return new StoredObject(count, HexFormat.of().formatHex(getMessageDigest().digest()));
    }
}
