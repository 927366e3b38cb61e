package org.drcc.backup.storage;

import java.io.IOException;
import java.io.OutputStream;

/**
 * What is written fills part-sized buffers; each full one is handed to the {@link PartUploads} and
 * uploaded while the next fills. {@link #finish()} sends the last, shorter part (S3 accepts a short
 * last part and needs at least one).
 */
final class PartOutputStream extends OutputStream {

    private final PartUploads uploads;
    private final int partSize;
    private byte[] buffer;
    private int filled;
    private int parts;

    PartOutputStream(PartUploads uploads, int partSize) {
        this.uploads = uploads;
        this.partSize = partSize;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        while (length > 0) {
            if (buffer == null) {
                buffer = freeBuffer();
            }
            int n = Math.min(length, partSize - filled);
            System.arraycopy(bytes, offset, buffer, filled, n);
            filled += n;
            offset += n;
            length -= n;
            if (filled == partSize) {
                send();
            }
        }
    }

    /** Sends what is left as the last part. */
    void finish() throws IOException {
        if (filled > 0 || parts == 0) {
            if (buffer == null) {
                buffer = freeBuffer();
            }
            send();
        } else if (buffer != null) {
            uploads.giveBack(buffer);
            buffer = null;
        }
    }

    private void send() {
        uploads.submit(++parts, buffer, filled);
        buffer = null;
        filled = 0;
    }

    /** Waits for a free buffer; a part that failed meanwhile fails the write. */
    private byte[] freeBuffer() throws IOException {
        try {
            return uploads.freeBuffer();
        } catch (IOException | RuntimeException e) {
            throw e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while waiting to upload a part");
        } catch (Exception e) {
            throw new IOException("uploading a part failed: " + e.getMessage(), e);
        }
    }
}
