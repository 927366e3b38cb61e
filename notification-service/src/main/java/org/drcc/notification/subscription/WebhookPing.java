package org.drcc.notification.subscription;

import java.net.URI;

/**
 * The first POST to a new webhook subscriber (implemented by the channel clients): returns when the receiver
 * answered 2xx, else throws with the kind of failure (never the URL).
 */
public interface WebhookPing {

    /** Null when the receiver answered 2xx, else the kind of failure ({@code webhook: answered HTTP 404}). */
    String confirm(URI url, String subscriptionId, String token);
}
