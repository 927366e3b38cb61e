package org.drcc.notification.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import org.drcc.contract.plan.ReviewDueEvent;
import org.drcc.contract.plan.ReviewKind;
import org.drcc.notification.channel.DeliverySettings;
import org.drcc.notification.policy.ReviewReminderPolicy;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.DefaultResourceLoader;

/** The reminder of a review the plan's schedule owes, as the plan's owners read it. */
class ReviewDueTemplateTest {

    private final MessageTemplates templates = new MessageTemplates(new DefaultResourceLoader(),
            new DeliverySettings(URI.create("http://x"), URI.create("http://x"), "a@b", Duration.ofSeconds(1), 1,
                    Duration.ofSeconds(1), 1, "classpath:/templates/notification/", 8));

    @Test
    void aPostIncidentReviewReminderSaysWhatIsDueByWhenAndHowToRecordIt() {
        ReviewDueEvent due = new ReviewDueEvent("post-incident-i-7", ReviewKind.POST_INCIDENT, "Post-incident review",
                "i-7", Instant.parse("2026-12-07T10:00:00Z"), "incident-service", Instant.parse("2026-11-30T10:00:00Z"));
        Rendered mail = templates.render("review-due", "email", ReviewReminderPolicy.values(due));
        assertThat(mail.subject()).isEqualTo("[DR] Plan review due: Post-incident review");
        assertThat(mail.body()).startsWith("A review of the DR plan is due by 2026-12-07T10:00:00Z: Post-incident review "
                + "(POST_INCIDENT, after incident i-7).").contains("dr review record post-incident-i-7");
        ReviewDueEvent monthly = new ReviewDueEvent("monthly-2026-12", ReviewKind.MONTHLY, "Review DR procedures", null,
                Instant.parse("2027-01-01T00:00:00Z"), "incident-service", Instant.parse("2026-12-01T00:00:00Z"));
        assertThat(templates.render("review-due", "slack", ReviewReminderPolicy.values(monthly)).body())
                .contains("Review DR procedures (MONTHLY)").doesNotContain("after incident");
    }
}
