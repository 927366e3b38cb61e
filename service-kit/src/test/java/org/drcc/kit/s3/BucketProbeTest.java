package org.drcc.kit.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadBucketRequest;
import software.amazon.awssdk.services.s3.model.HeadBucketResponse;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.S3Exception;

class BucketProbeTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    @Test
    void eachAnswerIsSortedAndOnlyAServerErrorOrNoAnswerMeansTheStoreIsGone() {
        assertThat(probe(null)).isEqualTo(new BucketProbe(BucketProbe.Answer.FOUND, "found"));

        BucketProbe missing = probe(NoSuchBucketException.builder().statusCode(404).message("gone").build());
        assertThat(missing.answer()).isEqualTo(BucketProbe.Answer.NO_BUCKET);
        assertThat(missing.storeAnswered()).isTrue();

        BucketProbe forbidden = probe(S3Exception.builder().statusCode(403).message("no").build());
        assertThat(forbidden.answer()).isEqualTo(BucketProbe.Answer.REFUSED);
        assertThat(forbidden.storeAnswered()).isTrue();

        BucketProbe failing = probe(S3Exception.builder().statusCode(503).message("slow down").build());
        assertThat(failing).isEqualTo(new BucketProbe(BucketProbe.Answer.SERVER_ERROR, "S3 answered 503"));
        assertThat(failing.storeAnswered()).isFalse();

        BucketProbe silent = probe(ApiCallTimeoutException.create(2000));
        assertThat(silent).isEqualTo(new BucketProbe(BucketProbe.Answer.NO_ANSWER,
                "no answer within 2000 ms: ApiCallTimeoutException"));
        assertThat(silent.storeAnswered()).isFalse();
    }

    @Test
    @SuppressWarnings("unchecked")
    void theHeadIsBoundedByTheTimeout() {
        S3Client s3 = mock(S3Client.class);
        ArgumentCaptor<Consumer<HeadBucketRequest.Builder>> head = ArgumentCaptor.forClass(Consumer.class);
        when(s3.headBucket(head.capture())).thenReturn(HeadBucketResponse.builder().build());
        BucketProbe.ask(s3, "dr-backups", TIMEOUT);
        HeadBucketRequest.Builder request = HeadBucketRequest.builder();
        head.getValue().accept(request);
        assertThat(request.build().bucket()).isEqualTo("dr-backups");
        assertThat(request.build().overrideConfiguration().orElseThrow().apiCallTimeout()).contains(TIMEOUT);
    }

    @SuppressWarnings("unchecked")
    private static BucketProbe probe(RuntimeException failure) {
        S3Client s3 = mock(S3Client.class);
        if (failure == null) {
            when(s3.headBucket(any(Consumer.class))).thenReturn(HeadBucketResponse.builder().build());
        } else {
            when(s3.headBucket(any(Consumer.class))).thenThrow(failure);
        }
        return BucketProbe.ask(s3, "dr-backups", TIMEOUT);
    }
}
