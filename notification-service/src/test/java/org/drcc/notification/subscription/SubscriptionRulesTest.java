package org.drcc.notification.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.drcc.notification.egress.EgressGuard;
import org.drcc.notification.egress.FixedDns;
import org.junit.jupiter.api.Test;

/** What a subscriber may name; the guard is asked with a resolver that asks no DNS server and connects nowhere. */
class SubscriptionRulesTest {

    private final EgressGuard guard = new FixedDns().point("metadata.example.com", "169.254.169.254")
            .point("intranet.example.com", "10.1.2.3").guard();

    @Test
    void anEmailAddressMustParseAndHaveADomain() {
        assertThat(SubscriptionRules.emailProblem("ann@example.com")).isNull();
        assertThat(SubscriptionRules.emailProblem("  ann@example.com ")).isNull();
        assertThat(SubscriptionRules.emailProblem("not an address")).contains("is not an e-mail address");
        assertThat(SubscriptionRules.emailProblem("ann")).contains("is not an e-mail address");
        assertThat(SubscriptionRules.emailProblem("")).isEqualTo("an e-mail address is required");
        assertThat(SubscriptionRules.emailProblem("a".repeat(250) + "@example.com")).contains("at most 254");
    }

    @Test
    void aWebhookMustBeHttpToAPublicHostAndItsUrlIsNeverRepeated() {
        assertThat(SubscriptionRules.webhookProblem("https://hooks.slack.com/services/T0/B0/s3cr3t", guard)).isNull();
        assertThat(SubscriptionRules.webhookProblem("ftp://hooks.slack.com/s3cr3t", guard))
                .isEqualTo("not an http(s) URL: its scheme is 'ftp'");
        assertThat(SubscriptionRules.webhookProblem("hooks.slack.com/s3cr3t", guard)).doesNotContain("s3cr3t");
        assertThat(SubscriptionRules.webhookProblem("https://user:pw@hooks.slack.com/x", guard)).contains("user name");
        for (String url : List.of("http://127.0.0.1/s3cr3t", "http://[::1]/s3cr3t", "http://metadata.example.com/s3cr3t",
                "http://intranet.example.com/s3cr3t", "http://192.168.1.1/s3cr3t", "http://[::ffff:10.0.0.1]/s3cr3t")) {
            assertThat(SubscriptionRules.webhookProblem(url, guard)).as(url).contains("is not a public address")
                    .doesNotContain("s3cr3t");
        }
        assertThat(SubscriptionRules.webhookProblem("http://127.0.0.1:8080/hook", new FixedDns().guard("127.0.0.1")))
                .as("allowed by dr.notification.allowed-hosts, as for local runs").isNull();
    }

    @Test
    void tokensAreUnguessable() {
        String token = SubscriptionRules.newToken();
        assertThat(token).matches("[A-Za-z0-9_-]{43}").isNotEqualTo(SubscriptionRules.newToken());
        assertThat(SubscriptionRules.tokenHash(token)).hasSize(32).isEqualTo(SubscriptionRules.tokenHash(token));
    }
}
