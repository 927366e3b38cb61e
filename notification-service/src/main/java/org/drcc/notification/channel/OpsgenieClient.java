package org.drcc.notification.channel;

import java.util.Map;
import org.drcc.notification.command.Envelope;
import org.drcc.notification.plan.Channel;
import org.drcc.notification.plan.Contact;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/** Opsgenie Alerts API; the alias is the incident id, so one DR incident is one Opsgenie alert. */
@Component
class OpsgenieClient implements ChannelClient {

    private final RestClient http;
    private final DeliverySettings settings;

    OpsgenieClient(RestClient channelRestClient, DeliverySettings settings) {
        this.http = channelRestClient;
        this.settings = settings;
    }

    @Override
    public Channel channel() {
        return Channel.OPSGENIE;
    }

    @Override
    public void send(Contact contact, Envelope envelope) {
        http.post().uri(settings.opsgenieUrl().resolve("/v2/alerts")).contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.AUTHORIZATION, "GenieKey " + contact.target())
                .body(Map.of("message", Text.cut(envelope.subject(), 130), "alias", envelope.incidentId(),
                        "description", Text.cut(envelope.body(), 15000), "source", "dr-command-centre"))
                .retrieve().toBodilessEntity();
    }
}
