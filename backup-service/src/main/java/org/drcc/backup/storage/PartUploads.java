package org.drcc.backup.storage;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;

/**
 * The parts of one multipart upload, sent by {@code concurrency} threads while the next part is read.
 * There are {@code concurrency + 1} buffers, reused: reading waits for a free one, which bounds the
 * memory, and a part that failed makes the next wait throw, so reading stops at once.
 */
final class PartUploads {

    private final S3Client s3;
    private final String bucket;
    private final String key;
    private final String uploadId;
    private final BlockingQueue<byte[]> free;
    private final ExecutorService uploaders;
    private final List<Future<CompletedPart>> parts = new ArrayList<>();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();

    PartUploads(S3Client s3, String bucket, String key, String uploadId, int partSize, int concurrency) {
        this.s3 = s3;
        this.bucket = bucket;
        this.key = key;
        this.uploadId = uploadId;
        this.free = new ArrayBlockingQueue<>(concurrency + 1);
        for (int i = 0; i <= concurrency; i++) {
            free.add(new byte[partSize]);
        }
        this.uploaders = Executors.newFixedThreadPool(concurrency, r -> {
            Thread t = new Thread(r, "s3-part-" + key);
            t.setDaemon(true);
            return t;
        });
    }

    byte[] freeBuffer() throws Exception {
        byte[] buffer = free.take();
        rethrowFailure();
        return buffer;
    }

    void giveBack(byte[] buffer) {
        free.add(buffer);
    }

    void submit(int number, byte[] buffer, int length) {
        parts.add(uploaders.submit(() -> {
            try {
                String etag = s3.uploadPart(r -> r.bucket(bucket).key(key).uploadId(uploadId).partNumber(number)
                                .contentLength((long) length),
                        RequestBody.fromContentProvider(() -> new ByteArrayInputStream(buffer, 0, length), length,
                                "application/octet-stream")).eTag();
                return CompletedPart.builder().partNumber(number).eTag(etag).build();
            } catch (RuntimeException | Error e) {
                failure.compareAndSet(null, e);
                throw e;
            } finally {
                free.add(buffer);
            }
        }));
    }

    /** The parts in order, once all are uploaded; the first failure of any of them otherwise. */
    List<CompletedPart> awaitAll() throws Exception {
        List<CompletedPart> done = new ArrayList<>(parts.size());
        for (Future<CompletedPart> part : parts) {
            try {
                done.add(part.get());
            } catch (ExecutionException e) {
                rethrowFailure();
                throw e;
            }
        }
        return done;
    }

    /** Lets the parts in flight end (so that an abort that follows removes them all), then stops the threads. */
    void stop() {
        uploaders.shutdown();
        try {
            if (!uploaders.awaitTermination(1, TimeUnit.MINUTES)) {
                uploaders.shutdownNow();
            }
        } catch (InterruptedException e) {
            uploaders.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    private void rethrowFailure() throws Exception {
        Throwable t = failure.get();
        if (t instanceof Error error) {
            throw error;
        }
        if (t != null) {
            throw (Exception) t;
        }
    }
}
