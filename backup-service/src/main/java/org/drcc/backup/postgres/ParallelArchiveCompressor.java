package org.drcc.backup.postgres;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Future;
import java.util.zip.Adler32;
import java.util.zip.Deflater;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns the uncompressed custom-format archive of {@code pg_dump -Fc -Z0} into the archive that
 * {@code pg_dump -Fc} writes at its default compression level, with the compression spread over
 * several cores. pg_dump compresses on its one thread, which makes zlib the slowest step of a dump;
 * here each table's data is cut into segments that are deflated at once on the given executor, each
 * primed with the 32 KB before it and ended with a sync flush, and joined into the one zlib stream per
 * table (or large object) that pg_restore reads, as pigz does for gzip. The header then says "default
 * compression"; the table of contents passes through unchanged.
 * <p>
 * No library writes this format: it is pg_dump's own ({@code pg_backup_custom.c}), read here for
 * archive version 1.14 (pg_dump 14 and 15). An archive of another version, or one already compressed,
 * passes through unchanged, so a backup never fails for it: it is only bigger (a warning says so).
 */
public final class ParallelArchiveCompressor {

    private static final Logger log = LoggerFactory.getLogger(ParallelArchiveCompressor.class);

    private static final byte[] MAGIC = {'P', 'G', 'D', 'M', 'P'};
    private static final int VERSION_1_14 = (1 << 16) | (14 << 8);
    private static final int FORMAT_CUSTOM = 1;
    private static final int BLOCK_DATA = 1;
    private static final int BLOCK_LARGE_OBJECTS = 3;
    private static final byte OFFSET_UNKNOWN = 1;
    private static final int OFFSET_KNOWN = 2;
    /** deflate's window: each segment is primed with this much of the data before it. */
    private static final int WINDOW = 32 * 1024;
    /** zlib's header for deflate with a 32 KB window at the default level, as pg_dump writes it. */
    private static final byte[] ZLIB_HEADER = {0x78, (byte) 0x9C};

    private final Executor workers;
    private final int segmentSize;
    private final int maxInFlight;

    /**
     * @param workers     deflates the segments
     * @param parallelism how many segments are deflated at once (the executor's threads)
     * @param segmentSize bytes of table data per segment
     */
    public ParallelArchiveCompressor(Executor workers, int parallelism, int segmentSize) {
        if (segmentSize < WINDOW) {
            throw new IllegalArgumentException("a segment must hold at least deflate's 32 KB window");
        }
        this.workers = workers;
        this.segmentSize = segmentSize;
        this.maxInFlight = 2 * Math.max(1, parallelism) + 2;
    }

    /** True if pg_dump of this major version writes the archive version read here (1.14: pg_dump 14 and 15). */
    public static boolean readsArchivesOf(int pgDumpMajorVersion) {
        return pgDumpMajorVersion == 14 || pgDumpMajorVersion == 15;
    }

    /** Reads the archive from {@code uncompressed} to its end and writes it, compressed, to {@code out}. */
    public void compress(InputStream uncompressed, OutputStream out) throws IOException {
        Job job = new Job(uncompressed, out);
        try {
            job.run();
        } finally {
            job.cancel();
        }
    }

    /** One archive on its way through: the reader's position, and the output waiting to be written in order. */
    private final class Job {

        private final InputStream in;
        private final byte[] buffer = new byte[1 << 16];
        private int position;
        private int limit;
        private final OutputStream out;
        private final Deque<Future<byte[]>> inFlight = new ArrayDeque<>();
        private final Queue<byte[]> spareSegments = new ConcurrentLinkedQueue<>();
        /** What was read of the header and the table of contents, written out as it is. */
        private final ByteArrayOutputStream verbatim = new ByteArrayOutputStream();
        private boolean recording = true;
        private int intSize = 4;
        private int offsetSize = 8;
        private final List<Integer> unknownOffsets = new ArrayList<>();

        Job(InputStream in, OutputStream out) {
            this.in = in;
            this.out = out;
        }

        void run() throws IOException {
            if (!readHeader()) {
                passThrough();
                return;
            }
            skipTableOfContents();
            byte[] toc = verbatim.toByteArray();
            for (int at : unknownOffsets) {
                toc[at] = OFFSET_UNKNOWN;
                Arrays.fill(toc, at + 1, at + 1 + offsetSize, (byte) 0);
            }
            emit(toc);
            recording = false;
            int type;
            while ((type = read()) >= 0) {
                int id = readInt();
                emit(concat(new byte[] {(byte) type}, intBytes(id)));
                if (type == BLOCK_DATA) {
                    compressStream();
                } else if (type == BLOCK_LARGE_OBJECTS) {
                    int oid;
                    do {
                        oid = readInt();
                        emit(intBytes(oid));
                        if (oid != 0) {
                            compressStream();
                        }
                    } while (oid != 0);
                } else {
                    throw new IOException("unexpected block type " + type + " in the archive pg_dump wrote");
                }
            }
            drain(0);
            out.flush();
        }

        /**
         * Reads the header; true if this is a 1.14 custom archive without compression, and then
         * {@link #verbatim} holds the header as pg_dump -Fc at its default level writes it.
         */
        private boolean readHeader() throws IOException {
            byte[] magic = bytes(MAGIC.length);
            if (!Arrays.equals(magic, MAGIC)) {
                throw new IOException("pg_dump did not write a custom-format archive");
            }
            int version = (u8() << 16) | (u8() << 8) | u8();
            intSize = u8();
            offsetSize = u8();
            int format = u8();
            if (version != VERSION_1_14 || format != FORMAT_CUSTOM || intSize != 4) {
                log.warn("pg_dump wrote archive version {}.{} (format {}); it is stored as pg_dump wrote it, "
                        + "uncompressed: the parallel compression reads version 1.14", version >> 16,
                        (version >> 8) & 0xFF, format);
                return false;
            }
            byte[] before = verbatim.toByteArray();
            int compression = readInt();
            if (compression != 0) {
                log.warn("pg_dump already compressed the archive (level {}); it is stored as pg_dump wrote it",
                        compression);
                return false;
            }
            verbatim.reset();
            verbatim.write(before, 0, before.length);
            // -1: zlib's default level, which pg_dump -Fc writes when no level is given
            verbatim.write(intBytes(Deflater.DEFAULT_COMPRESSION));
            for (int i = 0; i < 7; i++) {
                readInt(); // the time of the dump: seconds, minutes, hours, day, month, year, summer time
            }
            skipString(); // database name
            skipString(); // server version
            skipString(); // pg_dump version
            return true;
        }

        /** Skips the table of contents: version 1.14's entries, as pg_backup_archiver.c's WriteToc writes them. */
        private void skipTableOfContents() throws IOException {
            int entries = readInt();
            for (int i = 0; i < entries; i++) {
                readInt(); // dump id
                readInt(); // has data
                skipString(); // table oid
                skipString(); // oid
                skipString(); // tag
                skipString(); // kind
                readInt(); // section
                skipString(); // definition
                skipString(); // drop statement
                skipString(); // copy statement
                skipString(); // schema
                skipString(); // tablespace
                skipString(); // table access method
                skipString(); // owner
                skipString(); // "false": with oids
                while (skipString()) {
                    // dependencies, up to a null string
                }
                // where its data is: a flag and an offset (pg_backup_custom.c's WriteOffset). Offsets into
                // the uncompressed archive (pg_dump wrote to a file) would be wrong here: "not known"
                // instead, which pg_restore handles by reading the blocks in order, as from a pipe.
                int at = verbatim.size();
                if (u8() == OFFSET_KNOWN) {
                    unknownOffsets.add(at);
                }
                bytes(offsetSize);
            }
        }

        /** Reads chunks up to the end marker and writes them as one zlib stream, in chunks, then the marker. */
        private void compressStream() throws IOException {
            Adler32 adler = new Adler32();
            byte[] segment = segmentBuffer();
            int filled = 0;
            byte[] dictionary = null;
            boolean first = true;
            int length;
            while ((length = readInt()) != 0) {
                if (length < 0) {
                    throw new IOException("a data chunk of negative length " + length + " in the archive");
                }
                while (length > 0) {
                    int n = Math.min(length, segment.length - filled);
                    readFully(segment, filled, n);
                    adler.update(segment, filled, n);
                    filled += n;
                    length -= n;
                    if (filled == segment.length) {
                        submit(segment, filled, dictionary, first, -1);
                        dictionary = Arrays.copyOfRange(segment, filled - WINDOW, filled);
                        segment = segmentBuffer();
                        filled = 0;
                        first = false;
                    }
                }
            }
            submit(segment, filled, dictionary, first, adler.getValue());
            emit(intBytes(0));
        }

        /** Deflates one segment on a worker; {@code checksum} ≥ 0 marks the last, which ends the stream. */
        private void submit(byte[] data, int length, byte[] dictionary, boolean first, long checksum)
                throws IOException {
            drain(maxInFlight);
            inFlight.add(CompletableFuture.supplyAsync(() -> {
                try {
                    return deflate(data, length, dictionary, first, checksum);
                } finally {
                    spareSegments.offer(data);
                }
            }, workers));
        }

        /**
         * A segment's buffer, used again once deflated: a backup churns through no more buffers than
         * are in flight, and the garbage collector has nothing to do for them.
         */
        private byte[] segmentBuffer() {
            byte[] spare = spareSegments.poll();
            return spare != null ? spare : new byte[segmentSize];
        }

        private void emit(byte[] bytes) throws IOException {
            drain(maxInFlight);
            inFlight.add(CompletableFuture.completedFuture(bytes));
            drain(maxInFlight);
        }

        /** Writes finished output in order until at most {@code keep} pieces are still on their way. */
        private void drain(int keep) throws IOException {
            while (!inFlight.isEmpty() && (inFlight.size() > keep || inFlight.peek().isDone())) {
                try {
                    out.write(inFlight.poll().get());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new InterruptedIOException("interrupted while compressing the archive");
                } catch (ExecutionException e) {
                    throw new IOException("compressing the archive failed", e.getCause());
                }
            }
        }

        void cancel() {
            inFlight.forEach(f -> f.cancel(false));
            inFlight.clear();
        }

        private void passThrough() throws IOException {
            out.write(verbatim.toByteArray());
            recording = false;
            out.write(buffer, position, limit - position);
            position = limit;
            in.transferTo(out);
            out.flush();
        }

        private boolean skipString() throws IOException {
            int length = readInt();
            if (length > 0) {
                bytes(length);
            }
            return length >= 0;
        }

        /** pg_dump's integer: a sign byte, then {@link #intSize} bytes, the lowest first. */
        private int readInt() throws IOException {
            int sign = u8();
            long value = 0;
            for (int i = 0; i < intSize; i++) {
                value |= (long) u8() << (8 * i);
            }
            return (int) (sign != 0 ? -value : value);
        }

        private byte[] intBytes(int value) {
            byte[] bytes = new byte[1 + intSize];
            long magnitude = Math.abs((long) value);
            bytes[0] = (byte) (value < 0 ? 1 : 0);
            for (int i = 0; i < intSize; i++) {
                bytes[1 + i] = (byte) (magnitude >>> (8 * i));
            }
            return bytes;
        }

        private int u8() throws IOException {
            int b = read();
            if (b < 0) {
                throw new EOFException("the archive pg_dump wrote ends early");
            }
            if (recording) {
                verbatim.write(b);
            }
            return b;
        }

        private byte[] bytes(int n) throws IOException {
            byte[] bytes = new byte[n];
            readFully(bytes, 0, n);
            if (recording) {
                verbatim.write(bytes, 0, n);
            }
            return bytes;
        }

        private void readFully(byte[] into, int offset, int n) throws IOException {
            int buffered = Math.min(n, limit - position);
            System.arraycopy(buffer, position, into, offset, buffered);
            position += buffered;
            if (buffered < n && in.readNBytes(into, offset + buffered, n - buffered) < n - buffered) {
                throw new EOFException("the archive pg_dump wrote ends early");
            }
        }

        /** The next byte, or -1 at the end: the archive's many small integers are read from a buffer. */
        private int read() throws IOException {
            if (position == limit) {
                limit = Math.max(0, in.read(buffer, 0, buffer.length));
                position = 0;
                if (limit == 0) {
                    return -1;
                }
            }
            return buffer[position++] & 0xFF;
        }
    }

    /**
     * One segment as a chunk of the archive: pg_dump's length, then (first) zlib's header, the raw
     * deflate of the segment, primed with the window before it, and (last) the final block and
     * zlib's Adler-32 of the whole stream.
     */
    private byte[] deflate(byte[] data, int length, byte[] dictionary, boolean first, long checksum) {
        Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
        try {
            if (dictionary != null) {
                deflater.setDictionary(dictionary);
            }
            deflater.setInput(data, 0, length);
            ByteArrayOutputStream chunk = new ByteArrayOutputStream(Math.max(1024, length / 2));
            chunk.write(new byte[5], 0, 5); // the length, filled in below
            if (first) {
                chunk.write(ZLIB_HEADER, 0, ZLIB_HEADER.length);
            }
            byte[] buffer = new byte[64 * 1024];
            boolean last = checksum >= 0;
            if (last) {
                deflater.finish();
                while (!deflater.finished()) {
                    chunk.write(buffer, 0, deflater.deflate(buffer));
                }
            } else {
                int n;
                do {
                    n = deflater.deflate(buffer, 0, buffer.length, Deflater.SYNC_FLUSH);
                    chunk.write(buffer, 0, n);
                } while (n == buffer.length);
            }
            if (last) {
                chunk.write((int) (checksum >>> 24));
                chunk.write((int) (checksum >>> 16));
                chunk.write((int) (checksum >>> 8));
                chunk.write((int) checksum);
            }
            byte[] bytes = chunk.toByteArray();
            int payload = bytes.length - 5;
            bytes[0] = 0;
            for (int i = 0; i < 4; i++) {
                bytes[1 + i] = (byte) (payload >>> (8 * i));
            }
            return bytes;
        } finally {
            deflater.end();
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }
}
