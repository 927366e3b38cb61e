package org.drcc.notification.channel;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.web.client.HttpServerErrorException;
import org.springframework.web.client.ResourceAccessException;

class FailureCauseTest {

    private static final String SECRET = "T0000/B0000/XXXXsecretXXXX";

    @Test
    void aRefusedConnectionNamesTheChannelAndTheKindNotTheWebhookUrl() {
        var failure = new ResourceAccessException("I/O error on POST request for \"https://hooks.slack.com/services/"
                + SECRET + "\": Connection refused", new ConnectException("Connection refused"));

        assertThat(FailureCause.of("slack", failure)).isEqualTo("slack: connection refused").doesNotContain(SECRET);
    }

    @Test
    void anAnswerIsItsStatusNotItsBody() {
        var failure = HttpServerErrorException.create(HttpStatus.BAD_GATEWAY, "Bad Gateway", null,
                ("upstream " + SECRET).getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);

        assertThat(FailureCause.of("teams", failure)).isEqualTo("teams: answered HTTP 502");
    }

    @Test
    void aTimeoutAndAnUnknownFailureSayTheirKindOnly() {
        assertThat(FailureCause.of("webhook", new ResourceAccessException("POST " + SECRET,
                new SocketTimeoutException("Read timed out")))).isEqualTo("webhook: timed out");
        assertThat(FailureCause.of("pagerduty", new IllegalArgumentException("routing key " + SECRET)))
                .isEqualTo("pagerduty: failed (IllegalArgumentException)");
    }

    @Test
    void onlyAnEndedSubscriptionIsBeyondRetrying() {
        assertThat(FailureCause.hopeless(new FailureCause.SubscriptionEndedException())).isTrue();
        assertThat(FailureCause.hopeless(new FailureCause.ContactGoneException())).as("the plan may be put right").isFalse();
        assertThat(FailureCause.hopeless(new ResourceAccessException("refused", new ConnectException("refused")))).isFalse();
    }
}
