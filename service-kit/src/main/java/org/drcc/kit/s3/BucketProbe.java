package org.drcc.kit.s3;

import java.time.Duration;
import software.amazon.awssdk.core.exception.SdkServiceException;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * What a store answered to a HEAD of a bucket within a timeout: the one way the suite asks a store whether it is
 * there. The health check counts any answer but a server error as the store being up; a writer also needs the bucket.
 * {@code detail} names the status or the failure, never an endpoint or a key.
 */
public record BucketProbe(Answer answer, String detail) {

    public enum Answer {
        /** The bucket is there (or the store let the HEAD through). */
        FOUND,
        /** The store answered that there is no such bucket (404). */
        NO_BUCKET,
        /** The store answered with another client error (403 and the like): it is there, the request was not let in. */
        REFUSED,
        /** The store answered with a server error (5xx). */
        SERVER_ERROR,
        /** No answer within the timeout, or no connection at all. */
        NO_ANSWER
    }

    /** HEADs {@code bucket} on {@code s3}, waiting at most {@code timeout}. */
    public static BucketProbe ask(S3Client s3, String bucket, Duration timeout) {
        try {
            s3.headBucket(r -> r.bucket(bucket).overrideConfiguration(o -> o.apiCallTimeout(timeout)));
            return new BucketProbe(Answer.FOUND, "found");
        } catch (SdkServiceException answered) {
            int status = answered.statusCode();
            Answer answer = status == 404 ? Answer.NO_BUCKET : status >= 500 ? Answer.SERVER_ERROR : Answer.REFUSED;
            return new BucketProbe(answer, "S3 answered " + status);
        } catch (RuntimeException e) {
            return new BucketProbe(Answer.NO_ANSWER, "no answer within " + timeout.toMillis() + " ms: "
                    + e.getClass().getSimpleName());
        }
    }

    /** Whether the store itself answered: any answer but a server error. */
    public boolean storeAnswered() {
        return answer != Answer.SERVER_ERROR && answer != Answer.NO_ANSWER;
    }
}
