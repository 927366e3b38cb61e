package org.drcc.notification.channel;

import java.util.Map;
import org.drcc.notification.command.Envelope;
import org.drcc.notification.plan.Channel;
import org.drcc.notification.plan.Contact;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/** Slack incoming webhook: {@code {"text": ...}} to the webhook URL. */
@Component
class SlackClient implements ChannelClient {

    private final RestClient http;

    SlackClient(RestClient channelRestClient) {
        this.http = channelRestClient;
    }

    @Override
    public Channel channel() {
        return Channel.SLACK;
    }

    @Override
    public void send(Contact contact, Envelope envelope) {
        http.post().uri(contact.target()).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("text", envelope.body())).retrieve().toBodilessEntity();
    }
}
