package org.drcc.notification.channel;

import java.util.Map;
import org.drcc.notification.command.Envelope;
import org.drcc.notification.plan.Channel;
import org.drcc.notification.plan.Contact;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/** Microsoft Teams incoming webhook: a MessageCard with the subject as title. */
@Component
class TeamsClient implements ChannelClient {

    private final RestClient http;

    TeamsClient(RestClient channelRestClient) {
        this.http = channelRestClient;
    }

    @Override
    public Channel channel() {
        return Channel.TEAMS;
    }

    @Override
    public void send(Contact contact, Envelope envelope) {
        http.post().uri(contact.target()).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("@type", "MessageCard", "@context", "https://schema.org/extensions",
                        "summary", envelope.subject(), "title", envelope.subject(), "text", envelope.body()))
                .retrieve().toBodilessEntity();
    }
}
