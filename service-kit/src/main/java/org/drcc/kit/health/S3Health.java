package org.drcc.kit.health;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.drcc.kit.s3.BucketProbe;
import org.drcc.kit.s3.S3Clients;
import org.springframework.boot.actuate.health.Health;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * S3 answers when each store answers a HEAD of a bucket within the timeout. Any answer from S3 counts, even
 * "no such bucket" or "forbidden": this asks whether the store is reachable, not whether a bucket is right.
 * The answer names the stores and the bucket, never an endpoint or a key.
 */
final class S3Health {

    /** Asked when the service opened no bucket through the kit: the answer (404) is all that matters. */
    static final String PROBE_BUCKET = "dr-health-probe";

    private final S3Clients clients;
    private final Duration timeout;

    S3Health(S3Clients clients, Duration timeout) {
        this.clients = clients;
        this.timeout = timeout;
    }

    Health check() {
        String bucket = clients.anyBucket().orElse(PROBE_BUCKET);
        Map<String, String> stores = new LinkedHashMap<>();
        boolean up = true;
        for (Map.Entry<String, S3Client> store : clients.stores().entrySet()) {
            String answer = answer(store.getValue(), bucket);
            stores.put(store.getKey(), answer);
            up &= answer.equals("UP");
        }
        return (up ? Health.up() : Health.down()).withDetail("bucket", bucket).withDetail("stores", stores).build();
    }

    private String answer(S3Client s3, String bucket) {
        BucketProbe probe = BucketProbe.ask(s3, bucket, timeout);
        return probe.storeAnswered() ? "UP" : "DOWN (" + probe.detail() + ")";
    }
}
