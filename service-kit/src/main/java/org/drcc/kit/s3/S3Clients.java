package org.drcc.kit.s3;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.S3Configuration;

/**
 * The S3 clients of a service: the main store's, and one per named store on an endpoint of its own. Closing
 * this closes them all.
 */
public final class S3Clients implements AutoCloseable {

    private final S3Client main;
    private final Map<String, S3Client> named = new LinkedHashMap<>();
    /** The buckets opened through {@link #bucket}: the health check asks S3 about one of them. */
    private final Set<String> buckets = ConcurrentHashMap.newKeySet();

    public S3Clients(S3Settings settings) {
        this.main = build(settings.main());
        settings.tiers().keySet().forEach(name -> named.put(name, build(settings.store(name))));
    }

    public S3Client main() {
        return main;
    }

    /** The client of the named store, or the main store's where that name has no endpoint of its own. */
    public S3Client of(String name) {
        return named.getOrDefault(name, main);
    }

    /** The stores configured on an endpoint of their own. */
    public Set<String> names() {
        return named.keySet();
    }

    /** One bucket of the main store. */
    public BucketStore bucket(String bucket) {
        buckets.add(bucket);
        return new BucketStore(main, bucket);
    }

    /** The main store's client and each named one's, by name ("main" first). */
    public Map<String, S3Client> stores() {
        Map<String, S3Client> all = new LinkedHashMap<>();
        all.put("main", main);
        all.putAll(named);
        return all;
    }

    /** A bucket of the main store this service uses, if it opened one through {@link #bucket}. */
    public Optional<String> anyBucket() {
        return buckets.stream().sorted().findFirst();
    }

    @Override
    public void close() {
        named.values().forEach(S3Client::close);
        main.close();
    }

    /**
     * Path-style, because S3-compatible servers (S3Mock, MinIO) do not serve bucket host names. The SDK's newer
     * default checksums only where S3 requires them: those servers differ in their support, and the services hash
     * what they store anyway. Bodies go as they are, not in signed aws-chunked encoding: they are in memory
     * already, so their hash costs one pass; some S3-compatible servers refuse aws-chunked, the others spend CPU
     * decoding it. A dead endpoint fails in seconds, a slow stream is waited for (the timeout is per read), and
     * the standard retries (three attempts, backing off) ride out a brief outage.
     */
    public static S3Client build(S3Settings.Store store) {
        S3ClientBuilder builder = S3Client.builder()
                .region(Region.of(store.region()))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(store.accessKey(), store.secretKey())))
                .forcePathStyle(true)
                .serviceConfiguration(S3Configuration.builder().chunkedEncodingEnabled(false).build())
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .httpClientBuilder(Apache5HttpClient.builder().connectionTimeout(Duration.ofSeconds(2))
                        .socketTimeout(Duration.ofSeconds(60)))
                .overrideConfiguration(o -> o.retryStrategy(RetryMode.STANDARD));
        if (store.endpoint() != null && !store.endpoint().toString().isBlank()) {
            builder.endpointOverride(store.endpoint());
        }
        return builder.build();
    }
}
