package org.drcc.backup.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.drcc.backup.storage.S3Properties;
import org.drcc.kit.io.Sha256Out;
import org.drcc.kit.s3.BucketProbe;
import org.drcc.kit.s3.BucketStore;
import org.drcc.kit.s3.S3Clients;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.MultipartUpload;

/**
 * The backups' objects in S3. Uploads are multipart, so a dump of any size streams through a few
 * part-sized buffers and never lands on local disk; an upload that fails is aborted, so no partial
 * object is ever visible.
 */
@Component
public class ObjectStore {

    private static final Logger log = LoggerFactory.getLogger(ObjectStore.class);

    private final S3Client primary;
    private final Map<String, S3Client> tierClients = new HashMap<>();
    private final int partSize;
    private final int concurrency;

    ObjectStore(S3Clients clients, S3Properties properties) {
        this.primary = clients.main();
        this.partSize = Math.toIntExact(properties.partSize().toBytes());
        this.concurrency = Math.max(1, properties.uploadConcurrency());
        clients.names().forEach(tier -> tierClients.put(properties.bucketOfTier(tier), clients.of(tier)));
    }

    /** The client of the store that holds {@code bucket}: a tier's own endpoint, else the primary's. */
    S3Client client(String bucket) {
        return tierClients.getOrDefault(bucket, primary);
    }

    /** One bucket, on the endpoint that holds it, for small whole objects (the catalogue objects beside the dumps). */
    public BucketStore bucket(String bucket) {
        return new BucketStore(client(bucket), bucket);
    }

    /** A check run after the stream ended and before the upload completes; throwing aborts the upload. */
    @FunctionalInterface
    public interface BeforeComplete {
        void check() throws Exception;
    }

    /** Writes an object's content to the stream it is given. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws Exception;
    }

    /** Streams {@code in} to the object; see {@link #upload(String, String, Content, BeforeComplete)}. */
    public StoredObject upload(String bucket, String key, InputStream in, BeforeComplete beforeComplete)
            throws Exception {
        return upload(bucket, key, in::transferTo, beforeComplete);
    }

    /**
     * Streams what {@code content} writes to the object, measuring it on the way; aborts the upload on
     * any failure. Parts are uploaded on other threads while the next one is written, so the writer
     * (pg_dump) never waits for S3 but when all part buffers are in flight: memory stays at
     * (concurrency + 1) parts, whatever the size of the object.
     */
    public StoredObject upload(String bucket, String key, Content content, BeforeComplete beforeComplete)
            throws Exception {
        S3Client s3 = client(bucket);
        String uploadId = s3.createMultipartUpload(r -> r.bucket(bucket).key(key)).uploadId();
        PartUploads uploads = new PartUploads(s3, bucket, key, uploadId, partSize, concurrency);
        try {
            PartOutputStream parts = new PartOutputStream(uploads, partSize);
            Sha256Out measured = new Sha256Out(parts);
            content.writeTo(measured);
            parts.finish();
            List<CompletedPart> done = uploads.awaitAll();
            beforeComplete.check();
            s3.completeMultipartUpload(r -> r.bucket(bucket).key(key).uploadId(uploadId)
                    .multipartUpload(u -> u.parts(done)));
            return new StoredObject(measured.count(), measured.sha256());
        } catch (Exception | Error e) {
            uploads.stop();
            abort(bucket, key, uploadId);
            throw e;
        } finally {
            uploads.stop();
        }
    }

    /**
     * Why {@code bucket} cannot be written to now ({@code reason}, naming no endpoint and no key): its store gave no
     * answer within {@code timeout} or answered with a server error (the site is gone, or the network to it:
     * {@code answered} false), or it has no such bucket (deleted, or never made). Any other answer, even "forbidden",
     * lets the write try it and tell.
     */
    public record Unusable(String reason, boolean answered) {
    }

    /** Why {@code bucket} cannot be written to now, or empty when it can be tried; see {@link Unusable}. */
    public Optional<Unusable> unusable(String bucket, Duration timeout) {
        BucketProbe probe = BucketProbe.ask(client(bucket), bucket, timeout);
        return switch (probe.answer()) {
            case FOUND, REFUSED -> Optional.empty();
            case NO_BUCKET -> Optional.of(new Unusable("no bucket " + bucket, true));
            case SERVER_ERROR, NO_ANSWER -> Optional.of(new Unusable(probe.detail(), false));
        };
    }

    public ResponseInputStream<GetObjectResponse> open(String bucket, String key) {
        return client(bucket).getObject(r -> r.bucket(bucket).key(key));
    }

    /** Reads the object back in full and measures it. */
    public StoredObject readBack(String bucket, String key) {
        Sha256Out measured = new Sha256Out(OutputStream.nullOutputStream());
        try (InputStream in = open(bucket, key)) {
            in.transferTo(measured);
            return new StoredObject(measured.count(), measured.sha256());
        } catch (IOException e) {
            throw new UncheckedIOException("reading back s3://" + bucket + "/" + key + " failed", e);
        }
    }

    public void delete(String bucket, String key) {
        client(bucket).deleteObject(r -> r.bucket(bucket).key(key));
    }

    /** Aborts uploads a crashed run left open under {@code prefix}: their parts would cost storage forever. */
    public int abortIncomplete(String bucket, String prefix) {
        List<MultipartUpload> open = client(bucket).listMultipartUploads(r -> r.bucket(bucket).prefix(prefix)).uploads();
        open.forEach(u -> abort(bucket, u.key(), u.uploadId()));
        return open.size();
    }

    private void abort(String bucket, String key, String uploadId) {
        try {
            client(bucket).abortMultipartUpload(r -> r.bucket(bucket).key(key).uploadId(uploadId));
        } catch (RuntimeException e) {
            log.warn("Could not abort the upload {} of s3://{}/{}: {}", uploadId, bucket, key, e.getMessage());
        }
    }
}
