package org.drcc.notification.channel;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.time.Clock;
import java.util.Map;
import org.drcc.notification.command.Envelope;
import org.drcc.notification.egress.EgressGuard;
import org.drcc.notification.plan.Contact;
import org.drcc.notification.plan.PlanInForce;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/**
 * Finds the contact in the plan in force and sends the message by its channel's protocol; throws when the far
 * end did not accept it. The target is looked up at send time, not stored in the event, so keys and URLs stay
 * out of the event store.
 */
@Component
class ChannelCourier {

    private static final Logger log = LoggerFactory.getLogger(ChannelCourier.class);

    private final PlanInForce plan;
    private final RestClient http;
    private final JavaMailSender mail;
    private final ObjectMapper json;
    private final DeliverySettings settings;
    private final Clock clock;
    private final SubscriberCourier subscribers;

    ChannelCourier(PlanInForce plan, RestClient.Builder http, JavaMailSender mail, ObjectMapper json,
                   DeliverySettings settings, EgressGuard egress, Clock clock, SubscriberCourier subscribers) {
        this.subscribers = subscribers;
        this.plan = plan;
        this.http = http.requestFactory(GuardedHttp.requestFactory(settings, egress)).build();
        this.clock = clock;
        this.mail = mail;
        this.json = json;
        this.settings = settings;
    }

    void deliver(String notificationId, Envelope envelope) {
        if (SubscriberCourier.handles(envelope)) {
            subscribers.deliver(notificationId, envelope); // a status page subscriber: not a contact of the plan
            return;
        }
        Contact contact = plan.get().contact(envelope.audience(), envelope.contact())
                .orElseThrow(FailureCause.ContactGoneException::new);
        String to = contact.target();
        // A URL is handed over as a URI, never as a string: a string is a template to Spring's RestClient, which
        // would encode its escapes again (a Teams workflow's signed URL would then be refused) and tag the
        // http.client.requests meter with its path, the key of a Slack or Teams webhook, on the open metrics endpoint.
        switch (contact.channel()) {
            // Slack incoming webhook: {"text": ...} to the webhook URL
            case SLACK -> post(http.post().uri(URI.create(to)), Map.of("text", envelope.body()));
            // Microsoft Teams incoming webhook: a MessageCard with the subject as title
            case TEAMS -> post(http.post().uri(URI.create(to)), Map.of("@type", "MessageCard", "@context",
                    "https://schema.org/extensions", "summary", envelope.subject(), "title", envelope.subject(),
                    "text", envelope.body()));
            // PagerDuty Events API v2. The dedup key is the incident id: every message about one DR incident
            // updates the same PagerDuty alert instead of paging again.
            case PAGERDUTY -> post(http.post().uri(settings.pagerdutyUrl().resolve("/v2/enqueue")), Map.of(
                    "routing_key", to, "event_action", "trigger", "dedup_key", envelope.incidentId(), "payload", Map.of(
                            "summary", cut(envelope.subject(), 1024), "source", "dr-command-centre",
                            "severity", "critical", "custom_details", Map.of("message", envelope.body()))));
            // Opsgenie Alerts API; the alias is the incident id, so one DR incident is one Opsgenie alert
            case OPSGENIE -> post(http.post().uri(settings.opsgenieUrl().resolve("/v2/alerts"))
                    .header(HttpHeaders.AUTHORIZATION, "GenieKey " + to), Map.of(
                    "message", cut(envelope.subject(), 130), "alias", envelope.incidentId(),
                    "description", cut(envelope.body(), 15000), "source", "dr-command-centre"));
            case WEBHOOK -> webhook(notificationId, contact, envelope);
            // e-mail over SMTP (spring.mail.*); a refused or unreachable server throws
            case EMAIL -> {
                SimpleMailMessage message = new SimpleMailMessage();
                message.setFrom(settings.mailFrom());
                message.setTo(to);
                message.setSubject(envelope.subject());
                message.setText(envelope.body());
                mail.send(message);
            }
            // for audiences the plan gives no contact yet: the message is written to the log, and counted as sent
            case LOG -> log.info("To {} about incident {}: {}", envelope.audience(), envelope.incidentId(),
                    envelope.subject());
        }
    }

    /** A redirect is not followed (it could lead anywhere, past the guard's check of the first host): it fails. */
    private static void post(RestClient.RequestBodySpec request, Object body) {
        request.contentType(MediaType.APPLICATION_JSON).body(body).retrieve()
                .onStatus(HttpStatusCode::is3xxRedirection, (req, answer) -> {
                    throw new FailureCause.RedirectRefusedException(answer.getStatusCode().value());
                })
                .toBodilessEntity();
    }

    /** A generic webhook, signed with a timestamp and the delivery id against replays ({@link WebhookSignature}). */
    private void webhook(String deliveryId, Contact contact, Envelope envelope) {
        byte[] body;
        try {
            body = json.writeValueAsBytes(Map.of("incidentId", envelope.incidentId(), "audience", envelope.audience(),
                    "subject", envelope.subject(), "text", envelope.body()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        long timestamp = clock.instant().getEpochSecond();
        post(http.post().uri(URI.create(contact.target()))
                .header(WebhookSignature.TIMESTAMP, Long.toString(timestamp))
                .header(WebhookSignature.DELIVERY, deliveryId)
                .header(WebhookSignature.SIGNATURE, WebhookSignature.sign(timestamp, deliveryId, body, contact.secret())),
                body);
    }

    /** The SaaS APIs refuse fields over their limits; a cut message is better than a refused one. */
    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
