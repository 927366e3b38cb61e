package org.drcc.notification.channel;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The one definition of a generic webhook's signature, as Slack and Stripe sign theirs: the HMAC-SHA256, under
 * the contact's shared secret, of {@code v1:<timestamp>:<delivery id>:<body>}. The timestamp (Unix seconds) lets a
 * receiver refuse an old message replayed, the delivery id (the notification's id, the same on every retry) one
 * replayed or retried twice; both are signed, so neither can be changed. Headers: {@link #TIMESTAMP},
 * {@link #DELIVERY}, and {@link #SIGNATURE} {@code v1=<hex>}. The module README shows a receiver's check.
 */
final class WebhookSignature {

    static final String SIGNATURE = "X-DR-Signature";
    static final String TIMESTAMP = "X-DR-Timestamp";
    static final String DELIVERY = "X-DR-Delivery";
    static final String VERSION = "v1";

    /**
     * Each sender thread's MAC, keyed with the last secret it signed with: looking the algorithm up among the
     * providers and keying a new {@code Mac} for every message was most of the signature's time (JFR,
     * {@code docs/benchmarks.md}, Notifications). {@code doFinal} leaves a MAC keyed as it was, ready for the next.
     */
    private static final ThreadLocal<Keyed> MACS = new ThreadLocal<>();

    private record Keyed(String secret, Mac mac) {

        /** Never the secret, should this ever be printed. */
        @Override
        public String toString() {
            return "Keyed[" + mac.getAlgorithm() + "]";
        }
    }

    private WebhookSignature() {
    }

    /** The value of {@link #SIGNATURE}. */
    static String sign(long timestamp, String deliveryId, byte[] body, String secret) {
        Mac mac = macFor(secret);
        mac.update((VERSION + ":" + timestamp + ":" + deliveryId + ":").getBytes(StandardCharsets.UTF_8));
        return VERSION + "=" + HexFormat.of().formatHex(mac.doFinal(body));
    }

    private static Mac macFor(String secret) {
        Keyed keyed = MACS.get();
        if (keyed != null && keyed.secret().equals(secret)) {
            return keyed.mac();
        }
        try {
            Mac mac = keyed == null ? Mac.getInstance("HmacSHA256") : keyed.mac();
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            MACS.set(new Keyed(secret, mac));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }
}
