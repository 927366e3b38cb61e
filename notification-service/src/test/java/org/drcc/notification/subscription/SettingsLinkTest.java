package org.drcc.notification.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SettingsLinkTest {

    @Test
    void theLinksAreOnThePublicAddressWhateverItsTrailingSlash() {
        for (String base : new String[] {"https://status.example.com", "https://status.example.com/"}) {
            SubscriptionSettings settings = new SubscriptionSettings(URI.create(base), Duration.ofHours(48), 10,
                    Duration.ofMinutes(10), 3, Duration.ofHours(1), 50, 200);
            assertThat(settings.confirmLink("t0k")).isEqualTo("https://status.example.com/status/subscriptions/confirm?token=t0k");
            assertThat(settings.unsubscribeLink("t0k"))
                    .isEqualTo("https://status.example.com/status/subscriptions/unsubscribe?token=t0k");
        }
    }
}
