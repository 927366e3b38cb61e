package org.drcc.notification.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ContactTest {

    @Test
    void refusesAWebhookUrlThatIsNotOneAndSaysWhyWithoutRepeatingIt() {
        // the URL's path is the webhook's key: the reason, shown in answers and logs, never repeats it
        assertThatThrownBy(() -> new Contact("ops", Channel.SLACK, "hooks.slack.com/services/T0/B0/K3Y", null))
                .hasMessage("contact ops (slack): not an http(s) URL: it has no scheme (write it as https://...)");
        assertThatThrownBy(() -> new Contact("ops", Channel.SLACK, "htps://hooks.slack.com/services/T0/B0/K3Y", null))
                .hasMessage("contact ops (slack): not an http(s) URL: its scheme is 'htps'");
        assertThatThrownBy(() -> new Contact("ops", Channel.TEAMS, "https://exa mple.com/K3Y", null))
                .hasMessage("contact ops (teams): not a URL: Illegal character in authority");
        assertThatThrownBy(() -> new Contact("ops", Channel.TEAMS, "https:///webhook/K3Y", null))
                .hasMessage("contact ops (teams): an http(s) URL without a host");
    }

    @Test
    void refusesAnEmailAddressThatIsNotOne() {
        assertThatThrownBy(() -> new Contact("lead", Channel.EMAIL, "lead@@example.com", null))
                .hasMessageStartingWith("contact lead (email): 'lead@@example.com' is not an e-mail address");
        assertThatThrownBy(() -> new Contact("lead", Channel.EMAIL, "lead", null))
                .hasMessage("contact lead (email): 'lead' is not an e-mail address: Missing final '@domain'");
    }

    @Test
    void refusesAnUnsignedWebhookAndAMissingKey() {
        assertThatThrownBy(() -> new Contact("hook", Channel.WEBHOOK, "https://example.com/hook", " "))
                .hasMessage("contact hook (webhook): a signing secret is required");
        assertThatThrownBy(() -> new Contact("pd", Channel.PAGERDUTY, null, null))
                .hasMessage("contact pd (pagerduty): a key is required");
    }

    @Test
    void acceptsWellFormedTargetsAndShowsNoKeys() {
        assertThat(new Contact("ops", Channel.SLACK, "https://hooks.slack.com/services/T/B/x", null).shownAs())
                .isEqualTo("hooks.slack.com");
        assertThat(new Contact("lead", Channel.EMAIL, "lead@example.com", null).shownAs()).isEqualTo("lead@example.com");
        assertThat(new Contact("pd", Channel.PAGERDUTY, "R0UT1NGKEY", null).shownAs()).isEmpty();
    }
}
