package org.drcc.notification.channel;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Each sender thread keeps its MAC keyed with the last secret: every signature must still be its own secret's. */
class WebhookSignatureTest {

    private static final Instant NOW = Instant.parse("2026-12-02T07:00:00Z");

    @Test
    void aThreadSigningUnderSecretsInTurnSignsEachMessageWithItsOwnSecret() throws Exception {
        List<String> secrets = List.of("slack-team-secret", "ops-webhook-secret", "slack-team-secret");
        List<ReceiverVerifier> receivers = secrets.stream().map(ReceiverVerifier::new).toList();
        for (int i = 0; i < 30; i++) {
            int which = i % secrets.size();
            byte[] body = ("{\"n\":" + i + "}").getBytes(StandardCharsets.UTF_8);
            String signature = WebhookSignature.sign(NOW.getEpochSecond(), "delivery-" + i, body, secrets.get(which));

            assertThat(receivers.get(which).check(String.valueOf(NOW.getEpochSecond()), "delivery-" + i, signature,
                    body, NOW)).as("message %d under secret %d", i, which).isNull();
            String other = secrets.get(which).equals("slack-team-secret") ? "ops-webhook-secret" : "slack-team-secret";
            assertThat(new ReceiverVerifier(other).check(String.valueOf(NOW.getEpochSecond()), "delivery-" + i,
                    signature, body, NOW)).as("message %d checked with another secret", i).isEqualTo("bad signature");
        }
    }

    @Test
    void manyThreadsSignAtOnceEachWithTheRightSecret() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> checks = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                int n = i;
                checks.add(threads.submit(() -> {
                    String secret = "secret-" + (n % 5);
                    byte[] body = ("{\"n\":" + n + "}").getBytes(StandardCharsets.UTF_8);
                    String signature = WebhookSignature.sign(NOW.getEpochSecond(), "d-" + n, body, secret);
                    return new ReceiverVerifier(secret).check(String.valueOf(NOW.getEpochSecond()), "d-" + n,
                            signature, body, NOW);
                }));
            }
            for (Future<String> check : checks) {
                assertThat(check.get()).isNull();
            }
        } finally {
            threads.shutdownNow();
        }
    }
}
