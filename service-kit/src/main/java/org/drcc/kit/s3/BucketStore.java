package org.drcc.kit.s3;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;
import software.amazon.awssdk.services.s3.model.ExpirationStatus;
import software.amazon.awssdk.services.s3.model.LifecycleRule;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.ObjectLockMode;
import software.amazon.awssdk.services.s3.model.ObjectLockRetention;
import software.amazon.awssdk.services.s3.model.ObjectLockRetentionMode;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/** One bucket: small objects put whole, read back, listed; the bucket made where missing; write-once where asked. */
public class BucketStore {

    /** What the store did with an Object Lock asked for: kept it, or not, and what it said, in words. */
    public record Lock(boolean kept, String detail) {
    }

    private final S3Client s3;
    private final String bucket;

    public BucketStore(S3Client s3, String bucket) {
        this.s3 = s3;
        this.bucket = bucket;
    }

    public String bucket() {
        return bucket;
    }

    public void put(String key, byte[] bytes, String contentType) {
        put(key, bytes, contentType, Map.of());
    }

    public void put(String key, byte[] bytes, String contentType, Map<String, String> metadata) {
        s3.putObject(r -> r.bucket(bucket).key(key).contentType(contentType).metadata(metadata), RequestBody.fromBytes(bytes));
    }

    /**
     * Writes with COMPLIANCE retention until {@code until}, then reads the retention back. A store that refuses
     * the lock still gets the object (losing it would be worse), and the answer says so.
     */
    public Lock putLocked(String key, byte[] bytes, String contentType, Instant until) {
        PutObjectRequest.Builder put = PutObjectRequest.builder().bucket(bucket).key(key).contentType(contentType);
        try {
            s3.putObject(put.copy().objectLockMode(ObjectLockMode.COMPLIANCE).objectLockRetainUntilDate(until).build(),
                    RequestBody.fromBytes(bytes));
        } catch (S3Exception refused) {
            s3.putObject(put.build(), RequestBody.fromBytes(bytes));
            return new Lock(false, "the store refused Object Lock on write (" + refused.awsErrorDetails().errorCode()
                    + ": " + refused.getMessage() + ")");
        }
        try {
            ObjectLockRetention retention = s3.getObjectRetention(r -> r.bucket(bucket).key(key)).retention();
            if (retention == null || retention.mode() != ObjectLockRetentionMode.COMPLIANCE
                    || retention.retainUntilDate() == null || retention.retainUntilDate().isBefore(until.minusSeconds(1))) {
                return new Lock(false, "asked for COMPLIANCE until " + until + ", read back "
                        + (retention == null ? "no retention" : retention.modeAsString() + " until " + retention.retainUntilDate()));
            }
            return new Lock(true, "COMPLIANCE until " + retention.retainUntilDate());
        } catch (S3Exception e) {
            return new Lock(false, "the retention cannot be read back (" + e.awsErrorDetails().errorCode() + ": "
                    + e.getMessage() + ")");
        }
    }

    /** The object's bytes; throws when it is not there. */
    public byte[] get(String key) {
        return s3.getObjectAsBytes(r -> r.bucket(bucket).key(key)).asByteArray();
    }

    /** The object's bytes, or empty when it or its bucket is not there. */
    public Optional<byte[]> find(String key) {
        try {
            return Optional.of(get(key));
        } catch (NoSuchKeyException | NoSuchBucketException e) {
            return Optional.empty();
        }
    }

    /** Every key under the prefix, in key order (S3 lists in UTF-8 binary order). */
    public List<String> list(String prefix) {
        return s3.listObjectsV2Paginator(r -> r.bucket(bucket).prefix(prefix)).contents().stream().map(S3Object::key).toList();
    }

    /** Creates the bucket unless it exists; another instance creating it meanwhile is what was wanted. */
    public void createIfMissing() {
        try {
            s3.headBucket(r -> r.bucket(bucket));
        } catch (NoSuchBucketException e) {
            try {
                s3.createBucket(r -> r.bucket(bucket));
            } catch (BucketAlreadyOwnedByYouException raced) {
                // made by another instance: what we wanted
            }
        }
    }

    /**
     * Creates the bucket if missing and asks for the rule that expires the objects under {@code prefix} after
     * {@code days}; empty when the store took the rule, else why it refused it (a store without lifecycle rules):
     * the caller's objects then keep only their own retain-until record.
     */
    public Optional<String> createExpiring(String ruleId, String prefix, int days) {
        createIfMissing();
        try {
            expire(ruleId, prefix, days);
            return Optional.empty();
        } catch (RuntimeException e) {
            return Optional.of(String.valueOf(e.getMessage()));
        }
    }

    /**
     * Asks the store to expire the objects under {@code prefix} {@code days} after they were written. S3 keeps one
     * lifecycle configuration per bucket, so the rule replaces only the rule of the same id and keeps the others:
     * two writers sharing a bucket (drill reports and incident reports) each keep their own retention.
     */
    public void expire(String ruleId, String prefix, int days) {
        List<LifecycleRule> rules = new ArrayList<>();
        try {
            s3.getBucketLifecycleConfiguration(r -> r.bucket(bucket)).rules().stream()
                    .filter(rule -> !ruleId.equals(rule.id())).forEach(rules::add);
        } catch (S3Exception e) {
            if (e.statusCode() != 404) {
                throw e;
            }
            // NoSuchLifecycleConfiguration: no rule yet
        }
        rules.add(LifecycleRule.builder().id(ruleId).status(ExpirationStatus.ENABLED).filter(f -> f.prefix(prefix))
                .expiration(x -> x.days(days)).build());
        s3.putBucketLifecycleConfiguration(r -> r.bucket(bucket).lifecycleConfiguration(c -> c.rules(rules)));
    }
}
