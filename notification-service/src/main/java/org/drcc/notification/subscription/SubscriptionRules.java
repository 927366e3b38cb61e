package org.drcc.notification.subscription;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import org.drcc.notification.egress.EgressGuard;
import org.drcc.notification.plan.Channel;

/**
 * What a subscription may name, and how it is named without being stored: the e-mail address and webhook URL pass
 * the same checks as a plan's contacts ({@link Channel}), a webhook URL also the egress guard (no loopback, private,
 * link-local or reserved address unless allowed by {@code dr.notification.allowed-hosts}); the token is 32 random
 * bytes, found by its SHA-256 (a target is named by the keyring's HMAC: {@link Subscriptions}).
 */
public final class SubscriptionRules {

    /** The channel names of subscriber messages: their own senders and their own share of each dispatcher round. */
    public static final String PREFIX = "subscriber-";
    public static final String EMAIL = "email";
    public static final String WEBHOOK = "webhook";
    /** The notifications' audience: an update told to a subscriber, and the e-mail asking to confirm. */
    public static final String UPDATES = "Status page subscribers";
    public static final String CONFIRMATION = "Status page subscription";

    private static final SecureRandom RANDOM = new SecureRandom();

    private SubscriptionRules() {
    }

    /** Null when {@code address} is an e-mail address the service can write to, else why not. */
    public static String emailProblem(String address) {
        return address == null || address.isBlank() ? "an e-mail address is required"
                : address.length() > 254 ? "an e-mail address has at most 254 characters"
                : Channel.EMAIL.checkTarget(address.strip());
    }

    /** Null when {@code url} is an http(s) URL the guard lets the service call, else why not (never the URL's path). */
    public static String webhookProblem(String url, EgressGuard guard) {
        if (url == null || url.isBlank()) {
            return "a webhook URL is required";
        }
        if (url.length() > 2000) {
            return "a webhook URL has at most 2000 characters";
        }
        String problem = Channel.WEBHOOK.checkTarget(url.strip()); // never repeats the URL
        if (problem != null) {
            return problem;
        }
        URI uri = URI.create(url.strip());
        if (uri.getUserInfo() != null) {
            return "a webhook URL may not carry a user name or password";
        }
        return guard.refusal(uri) == null ? null
                : "the host " + uri.getHost() + " is not a public address: a webhook must point at a public host";
    }

    /** An unguessable token (256 bits, base64url). */
    public static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The SHA-256 of a token as given. */
    public static byte[] tokenHash(String token) {
        return sha256(token);
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
