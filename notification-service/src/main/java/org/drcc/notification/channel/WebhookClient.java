package org.drcc.notification.channel;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.drcc.notification.command.Envelope;
import org.drcc.notification.plan.Channel;
import org.drcc.notification.plan.Contact;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/**
 * A generic webhook. The receiver proves the message is ours by recomputing
 * {@code X-DR-Signature: sha256=<hex HMAC-SHA256 of the exact body bytes with the shared secret>}.
 */
@Component
class WebhookClient implements ChannelClient {

    static final String SIGNATURE_HEADER = "X-DR-Signature";

    private final RestClient http;
    private final ObjectMapper json;

    WebhookClient(RestClient channelRestClient, ObjectMapper json) {
        this.http = channelRestClient;
        this.json = json;
    }

    @Override
    public Channel channel() {
        return Channel.WEBHOOK;
    }

    @Override
    public void send(Contact contact, Envelope envelope) {
        byte[] body = bytes(Map.of("incidentId", envelope.incidentId(), "audience", envelope.audience(),
                "subject", envelope.subject(), "text", envelope.body()));
        http.post().uri(contact.target()).contentType(MediaType.APPLICATION_JSON)
                .header(SIGNATURE_HEADER, "sha256=" + sign(body, contact.secret()))
                .body(body).retrieve().toBodilessEntity();
    }

    static String sign(byte[] body, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    private byte[] bytes(Object body) {
        try {
            return json.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
