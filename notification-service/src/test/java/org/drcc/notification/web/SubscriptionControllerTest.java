package org.drcc.notification.web;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Optional;
import org.drcc.kit.config.KitWebAutoConfiguration;
import org.drcc.kit.limits.RateLimitedException;
import org.drcc.notification.command.StatusSubscription;
import org.drcc.notification.config.NotificationAccess;
import org.drcc.notification.status.StatusPageSettings;
import org.drcc.notification.subscription.SubscriptionRefusedException;
import org.drcc.notification.subscription.SubscriptionSettings;
import org.drcc.notification.subscription.Subscriptions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** Subscribing needs no token; bad input is 400 problem+json naming the field; the limits are 429 with Retry-After. */
@WebMvcTest(SubscriptionController.class)
@ImportAutoConfiguration(KitWebAutoConfiguration.class)
@org.springframework.context.annotation.Import(NotificationAccess.class)
@EnableConfigurationProperties({SubscriptionSettings.class, StatusPageSettings.class})
class SubscriptionControllerTest {

    @Autowired
    MockMvc mvc;
    @MockitoBean
    Subscriptions subscriptions;

    @Test
    void anEmailSubscriptionIsAcceptedWithoutATokenAndSaysNothingOfWhoIsSubscribed() throws Exception {
        when(subscriptions.subscribeEmail("ann@example.com"))
                .thenReturn(new Subscriptions.Subscribed(null, "email", "pending", null));
        mvc.perform(post("/api/status/subscriptions").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"email\": \"ann@example.com\"}"))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.status").value("pending"))
                .andExpect(jsonPath("$.subscriptionId").doesNotExist());
    }

    @Test
    void bothOrNeitherTargetIsA400ProblemAndNothingIsSubscribed() throws Exception {
        for (String body : new String[] {"{}", "{\"email\": \"a@example.com\", \"webhookUrl\": \"https://h.example.com\"}"}) {
            mvc.perform(post("/api/status/subscriptions").contentType(MediaType.APPLICATION_JSON).content(body))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.errors[0].message").value("give exactly one of email and webhookUrl"));
        }
        verify(subscriptions, never()).subscribeEmail(any());
        verify(subscriptions, never()).subscribeWebhook(any());
    }

    @Test
    void aRefusedTargetIsA400NamingItsFieldAndAFullTargetA429WithRetryAfter() throws Exception {
        when(subscriptions.subscribeWebhook("ftp://h.example.com/x"))
                .thenThrow(new SubscriptionRefusedException(400, "webhookUrl", "not an http(s) URL: its scheme is 'ftp'"));
        mvc.perform(post("/api/status/subscriptions").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"webhookUrl\": \"ftp://h.example.com/x\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("webhookUrl"));
        when(subscriptions.subscribeEmail("bob@example.com"))
                .thenThrow(new RateLimitedException("subscribing one address or URL is limited to 3 per PT1H", 3600));
        mvc.perform(post("/api/status/subscriptions").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"email\": \"bob@example.com\"}"))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().string("Retry-After", "3600"))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void followingTheLinkOnlyShowsTheButtonUnsubscribingTwiceSaysSoAndAnUnknownTokenIs404() throws Exception {
        when(subscriptions.unsubscribe("t1")).thenReturn(Optional.of(StatusSubscription.Outcome.DONE),
                Optional.of(StatusSubscription.Outcome.ALREADY));
        mvc.perform(get("/status/subscriptions/unsubscribe").param("token", "t1"))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("name=\"token\" value=\"t1\"")));
        verify(subscriptions, never()).unsubscribe("t1");
        mvc.perform(post("/status/subscriptions/unsubscribe").param("token", "t1"))
                .andExpect(status().isOk()).andExpect(content().string(org.hamcrest.Matchers.containsString("Unsubscribed")));
        mvc.perform(post("/status/subscriptions/unsubscribe").param("token", "t1"))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Already unsubscribed")));
        when(subscriptions.unsubscribe("nope")).thenReturn(Optional.empty());
        mvc.perform(post("/api/status/subscriptions/unsubscribe").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"token\": \"nope\"}"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }
}
