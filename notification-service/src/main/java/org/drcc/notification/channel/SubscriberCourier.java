package org.drcc.notification.channel;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.drcc.notification.command.Envelope;
import org.drcc.notification.egress.EgressGuard;
import org.drcc.notification.subscription.Subscriber;
import org.drcc.notification.subscription.SubscriptionRules;
import org.drcc.notification.subscription.SubscriptionSettings;
import org.drcc.notification.subscription.Subscriptions;
import org.drcc.notification.subscription.WebhookPing;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/**
 * Delivers to the status page's subscribers: the address or URL and the token are opened from the subscription at
 * send time (never in an event). An e-mail carries its link (confirm, or one-click unsubscribe) and, for updates,
 * {@code List-Unsubscribe} with {@code List-Unsubscribe-Post} (RFC 8058); a webhook gets JSON with the unsubscribe
 * token and {@code X-DR-Delivery}. Webhooks go through the same guarded HTTP client as the plan's channels.
 */
@Component
class SubscriberCourier implements WebhookPing {

    /** A provider: the subscriptions call this courier's {@link #confirm} when a webhook subscribes. */
    private final ObjectProvider<Subscriptions> subscriptions;
    private final SubscriptionSettings settings;
    private final JavaMailSender mail;
    private final DeliverySettings delivery;
    private final ObjectMapper json;
    private final RestClient http;

    SubscriberCourier(ObjectProvider<Subscriptions> subscriptions, SubscriptionSettings settings, JavaMailSender mail,
                      DeliverySettings delivery, ObjectMapper json, RestClient.Builder http, EgressGuard egress) {
        this.subscriptions = subscriptions;
        this.settings = settings;
        this.mail = mail;
        this.delivery = delivery;
        this.json = json;
        this.http = http.requestFactory(GuardedHttp.requestFactory(delivery, egress)).build();
    }

    static boolean handles(Envelope envelope) {
        return envelope.channel().startsWith(SubscriptionRules.PREFIX);
    }

    void deliver(String notificationId, Envelope envelope) {
        boolean confirmation = SubscriptionRules.CONFIRMATION.equals(envelope.audience());
        Subscriber s = subscriptions.getObject().subscriber(envelope.contact())
                .filter(confirmation ? Subscriber::pending : Subscriber::confirmed)
                .orElseThrow(FailureCause.SubscriptionEndedException::new);
        if (SubscriptionRules.EMAIL.equals(s.channel())) {
            email(s, envelope, confirmation);
        } else {
            Map<String, Object> body = payload("status-update", s.subscriptionId(), s.token());
            body.put("incidentId", envelope.incidentId());
            body.put("subject", envelope.subject());
            body.put("text", envelope.body());
            post(URI.create(s.target()), notificationId, body);
        }
    }

    @Override
    public String confirm(URI url, String subscriptionId, String token) {
        try {
            post(url, subscriptionId, payload("subscription-confirmation", subscriptionId, token));
            return null;
        } catch (RuntimeException e) {
            return FailureCause.of(SubscriptionRules.WEBHOOK, e);
        }
    }

    private Map<String, Object> payload(String type, String subscriptionId, String token) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", type);
        body.put("subscriptionId", subscriptionId);
        body.put("statusPage", settings.link("/status"));
        body.put("unsubscribeToken", token);
        body.put("unsubscribeUrl", settings.unsubscribeLink(token));
        return body;
    }

    /** A redirect is not followed (it could lead past the guard's check of the first host): it fails. */
    private void post(URI url, String deliveryId, Map<String, Object> body) {
        byte[] bytes;
        try {
            bytes = json.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        http.post().uri(url).contentType(MediaType.APPLICATION_JSON).header(WebhookSignature.DELIVERY, deliveryId)
                .body(bytes).retrieve()
                .onStatus(HttpStatusCode::is3xxRedirection, (req, answer) -> {
                    throw new FailureCause.RedirectRefusedException(answer.getStatusCode().value());
                })
                .toBodilessEntity();
    }

    private void email(Subscriber s, Envelope envelope, boolean confirmation) {
        try {
            MimeMessage message = mail.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(message, false, "UTF-8");
            helper.setFrom(delivery.mailFrom());
            helper.setTo(s.target());
            helper.setSubject(envelope.subject());
            String unsubscribe = settings.unsubscribeLink(s.token());
            helper.setText(envelope.body() + "\n\n" + (confirmation
                    ? "Confirm your subscription: " + settings.confirmLink(s.token())
                    : "Unsubscribe (one click): " + unsubscribe) + "\n");
            if (!confirmation) {
                message.addHeader("List-Unsubscribe", "<" + unsubscribe + ">");
                message.addHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
            }
            mail.send(message);
        } catch (MessagingException e) {
            throw new IllegalStateException("the message could not be composed", e);
        }
    }
}
