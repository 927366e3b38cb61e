package org.drcc.notification.channel;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import javax.net.ssl.SSLException;
import org.drcc.notification.egress.EgressRefusedException;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.web.client.RestClientResponseException;

/**
 * A failed delivery as it is recorded: the channel and the kind of failure, never the exception's message.
 * That message is where an HTTP client names the URL it called, and a Slack or Teams webhook URL is its secret;
 * it may also carry the answer's body. What is recorded reaches the events, Kafka, the API and the seven-year
 * locked archive, where nothing can be taken back.
 */
final class FailureCause {

    private FailureCause() {
    }

    static String of(String channel, Throwable failure) {
        return channel + ": " + kind(failure);
    }

    /**
     * Whether no later attempt can succeed: the subscriber unsubscribed, expired or was erased (each final). A contact
     * gone from the plan is retried: the plan may be put right meanwhile.
     */
    static boolean hopeless(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SubscriptionEndedException) {
                return true;
            }
        }
        return false;
    }

    private static String kind(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof RestClientResponseException answer) {
                return "answered HTTP " + answer.getStatusCode().value();
            } else if (t instanceof EgressRefusedException) {
                return "address not allowed (see dr.notification.allowed-hosts)";
            } else if (t instanceof RedirectRefusedException redirect) {
                return "answered a redirect (HTTP " + redirect.status + "), not followed";
            } else if (t instanceof ConnectException) {
                return "connection refused";
            } else if (t instanceof SocketTimeoutException || t instanceof HttpTimeoutException) {
                return "timed out";
            } else if (t instanceof UnknownHostException) {
                return "host not found";
            } else if (t instanceof SSLException) {
                return "TLS handshake failed";
            } else if (t instanceof MailAuthenticationException) {
                return "the mail server refused the credentials";
            } else if (t instanceof ContactGoneException) {
                return "the plan no longer has this contact";
            } else if (t instanceof SubscriptionEndedException) {
                return "the subscriber unsubscribed, expired or was erased";
            }
        }
        return "failed (" + failure.getClass().getSimpleName() + ")";
    }

    /** The contact a message was planned for is no longer in the plan in force. */
    static final class ContactGoneException extends RuntimeException {
        ContactGoneException() {
            super("the plan no longer has this contact");
        }
    }

    /** A status page subscriber is no longer subscribed (or their address was destroyed): told nothing more. */
    static final class SubscriptionEndedException extends RuntimeException {
        SubscriptionEndedException() {
            super("the subscription ended");
        }
    }

    /** A channel answered with a redirect; it is not followed, as it could lead to any host. */
    static final class RedirectRefusedException extends RuntimeException {
        private final int status;

        RedirectRefusedException(int status) {
            super("redirect not followed: HTTP " + status);
            this.status = status;
        }
    }
}
