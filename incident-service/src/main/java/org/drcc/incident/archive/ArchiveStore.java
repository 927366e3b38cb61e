package org.drcc.incident.archive;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ObjectLockMode;
import software.amazon.awssdk.services.s3.model.ObjectLockRetention;
import software.amazon.awssdk.services.s3.model.ObjectLockRetentionMode;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/** The audit bucket: objects written under Object Lock, their retention read back, listed in key order. */
class ArchiveStore {

    static final String MODE = ObjectLockMode.COMPLIANCE.toString();

    private final S3Client s3;
    private final String bucket;
    private final int retentionDays;

    ArchiveStore(S3Client s3, String bucket, int retentionDays) {
        this.s3 = s3;
        this.bucket = bucket;
        this.retentionDays = retentionDays;
    }

    String bucket() {
        return bucket;
    }

    /**
     * Writes with COMPLIANCE retention, then reads the retention back. A store that refuses the lock
     * headers still gets the object (losing the archive would be worse), and the reading says so.
     */
    RetentionStatus.Reading putLocked(String key, byte[] bytes, String contentType, Instant now) {
        Instant until = now.plus(retentionDays, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        PutObjectRequest.Builder put = PutObjectRequest.builder().bucket(bucket).key(key).contentType(contentType);
        try {
            s3.putObject(put.copy().objectLockMode(ObjectLockMode.COMPLIANCE).objectLockRetainUntilDate(until).build(),
                    RequestBody.fromBytes(bytes));
        } catch (S3Exception refused) {
            s3.putObject(put.build(), RequestBody.fromBytes(bytes));
            return new RetentionStatus.Reading(false, key, MODE, until, "the store refused Object Lock on write ("
                    + refused.awsErrorDetails().errorCode() + ": " + refused.getMessage() + ")", now);
        }
        return readBack(key, until, now);
    }

    private RetentionStatus.Reading readBack(String key, Instant until, Instant now) {
        try {
            ObjectLockRetention retention = s3.getObjectRetention(r -> r.bucket(bucket).key(key)).retention();
            if (retention == null || retention.mode() != ObjectLockRetentionMode.COMPLIANCE
                    || retention.retainUntilDate() == null || retention.retainUntilDate().isBefore(until.minusSeconds(1))) {
                return new RetentionStatus.Reading(false, key, MODE, until, "asked for COMPLIANCE until " + until + ", read back "
                        + (retention == null ? "no retention" : retention.modeAsString() + " until " + retention.retainUntilDate()), now);
            }
            return new RetentionStatus.Reading(true, key, MODE, until, "COMPLIANCE until " + retention.retainUntilDate(), now);
        } catch (S3Exception e) {
            return new RetentionStatus.Reading(false, key, MODE, until, "the retention cannot be read back ("
                    + e.awsErrorDetails().errorCode() + ": " + e.getMessage() + ")", now);
        }
    }

    byte[] get(String key) {
        return s3.getObjectAsBytes(r -> r.bucket(bucket).key(key)).asByteArray();
    }

    /** Every key under the prefix, in key order (S3 lists in UTF-8 binary order). */
    List<String> list(String prefix) {
        List<String> keys = new ArrayList<>();
        s3.listObjectsV2Paginator(r -> r.bucket(bucket).prefix(prefix)).contents().stream()
                .map(S3Object::key).forEach(keys::add);
        return keys;
    }
}
