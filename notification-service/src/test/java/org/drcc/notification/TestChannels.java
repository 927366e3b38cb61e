package org.drcc.notification;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Real protocol servers standing in for the SaaS channels: one WireMock HTTP server (Slack, Teams,
 * PagerDuty, Opsgenie, the webhook) and one GreenMail SMTP server, started once per test JVM like
 * the engines, since the Spring context that talks to them is cached for the JVM too.
 */
final class TestChannels {

    static final WireMockServer HTTP = new WireMockServer(options().dynamicPort());
    static final GreenMail SMTP = new GreenMail(ServerSetupTest.SMTP.dynamicPort());

    static {
        HTTP.start();
        SMTP.start();
        HTTP.stubFor(post(urlPathMatching("/(slack/.*|hook|escalate|v2/enqueue|v2/alerts)"))
                .willReturn(aResponse().withStatus(202).withBody("{\"status\":\"success\"}")));
        HTTP.stubFor(post("/slack/slow").atPriority(1)
                .willReturn(aResponse().withStatus(200).withFixedDelay(2000).withBody("ok")));
        HTTP.stubFor(post("/teams").willReturn(aResponse().withStatus(500).withBody("Teams is down")));
    }

    private TestChannels() {
    }

    static void register(DynamicPropertyRegistry registry) {
        registry.add("it.http", HTTP::baseUrl);
        registry.add("dr.notification.pagerduty-url", HTTP::baseUrl);
        registry.add("dr.notification.opsgenie-url", HTTP::baseUrl);
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP.getSmtp().getPort());
    }
}
