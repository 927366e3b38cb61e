package org.drcc.notification.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.drcc.notification.plan.Channel;
import org.drcc.notification.plan.CommunicationPlan;
import org.drcc.notification.plan.Contact;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The plan is checked as it is loaded: a bad contact stops the start-up, naming the contact and why. */
class CommunicationPlanBindingTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(NotificationConfig.class)
            .withPropertyValues("dr.communication.tiers[0].id=immediate",
                    "dr.communication.tiers[0].deadline=PT15M",
                    "dr.communication.tiers[0].audiences[0].name=DR Team Lead");

    @Test
    void bindsContactsAndTheEscalation() {
        runner.withPropertyValues(
                        "dr.communication.tiers[0].audiences[0].contacts[0].name=slack",
                        "dr.communication.tiers[0].audiences[0].contacts[0].channel=slack",
                        "dr.communication.tiers[0].audiences[0].contacts[0].target=https://hooks.slack.com/services/x",
                        "dr.communication.escalation.audiences[0].name=Management")
                .run(context -> {
                    CommunicationPlan plan = context.getBean(CommunicationPlan.class);
                    assertThat(plan.contact("DR Team Lead", "slack")).get()
                            .extracting(Contact::channel).isEqualTo(Channel.SLACK);
                    assertThat(plan.escalation().after()).hasMinutes(15);
                    assertThat(plan.contact("Management", "log")).isPresent();
                });
    }

    @Test
    void refusesABadWebhookUrlWithTheReason() {
        runner.withPropertyValues(
                        "dr.communication.tiers[0].audiences[0].contacts[0].name=ops-chat",
                        "dr.communication.tiers[0].audiences[0].contacts[0].channel=teams",
                        "dr.communication.tiers[0].audiences[0].contacts[0].target=outlook.office.com/webhook/x")
                .run(context -> assertThat(context).getFailure().rootCause().hasMessage(
                        "contact ops-chat (teams): not an http(s) URL: it has no scheme (write it as https://...)"));
    }

    @Test
    void refusesABadEmailAddressWithTheReason() {
        runner.withPropertyValues(
                        "dr.communication.tiers[0].audiences[0].contacts[0].name=lead",
                        "dr.communication.tiers[0].audiences[0].contacts[0].channel=email",
                        "dr.communication.tiers[0].audiences[0].contacts[0].target=lead.example.com")
                .run(context -> assertThat(context).getFailure().rootCause()
                        .hasMessageStartingWith("contact lead (email): 'lead.example.com' is not an e-mail address"));
    }
}
