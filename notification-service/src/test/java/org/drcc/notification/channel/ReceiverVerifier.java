package org.drcc.notification.channel;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * What a webhook receiver does to check a message, written from the module README's snippet (not from
 * {@link WebhookSignature}), so the tests show that the documented check accepts what the service sends and
 * refuses a replay: a signature that does not match, a timestamp older than five minutes, a delivery id seen before.
 */
public final class ReceiverVerifier {

    private static final Duration TOLERANCE = Duration.ofMinutes(5);
    private final Set<String> seen = ConcurrentHashMap.newKeySet();
    private final String secret;

    public ReceiverVerifier(String secret) {
        this.secret = secret;
    }

    /** Null when the message is accepted, else why it is refused. */
    public String check(String timestamp, String deliveryId, String signature, byte[] body, Instant now)
            throws Exception {
        if (timestamp == null || deliveryId == null || signature == null) {
            return "unsigned";
        }
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        mac.update(("v1:" + timestamp + ":" + deliveryId + ":").getBytes(StandardCharsets.UTF_8));
        String expected = "v1=" + HexFormat.of().formatHex(mac.doFinal(body));
        if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                signature.getBytes(StandardCharsets.UTF_8))) {
            return "bad signature";
        }
        Instant sent = Instant.ofEpochSecond(Long.parseLong(timestamp));
        if (Duration.between(sent, now).abs().compareTo(TOLERANCE) > 0) {
            return "too old";
        }
        if (!seen.add(deliveryId)) {
            return "already received";
        }
        return null;
    }
}
