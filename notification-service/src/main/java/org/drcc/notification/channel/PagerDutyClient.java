package org.drcc.notification.channel;

import java.util.Map;
import org.drcc.notification.command.Envelope;
import org.drcc.notification.plan.Channel;
import org.drcc.notification.plan.Contact;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/**
 * PagerDuty Events API v2. The dedup key is the incident id: every message about one DR incident
 * updates the same PagerDuty alert instead of paging again.
 */
@Component
class PagerDutyClient implements ChannelClient {

    private final RestClient http;
    private final DeliverySettings settings;

    PagerDutyClient(RestClient channelRestClient, DeliverySettings settings) {
        this.http = channelRestClient;
        this.settings = settings;
    }

    @Override
    public Channel channel() {
        return Channel.PAGERDUTY;
    }

    @Override
    public void send(Contact contact, Envelope envelope) {
        Map<String, Object> payload = Map.of("summary", Text.cut(envelope.subject(), 1024),
                "source", "dr-command-centre", "severity", "critical",
                "custom_details", Map.of("message", envelope.body()));
        http.post().uri(settings.pagerdutyUrl().resolve("/v2/enqueue")).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("routing_key", contact.target(), "event_action", "trigger",
                        "dedup_key", envelope.incidentId(), "payload", payload))
                .retrieve().toBodilessEntity();
    }
}
