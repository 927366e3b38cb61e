package org.drcc.notification.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SubscriberMessagesTest {

    @Test
    void anUpdateSaysWhatThePersonPublishedAndAStageItsUsualSentence() {
        assertThat(SubscriberMessages.subject("Food Truck", "Ordering interrupted", "update"))
                .isEqualTo("[Food Truck status] Ordering interrupted: update");
        assertThat(SubscriberMessages.body("Ordering interrupted", "update", "Orders are delayed.", List.of("Ordering"),
                "https://status.example.com/status"))
                .isEqualTo("Ordering interrupted\n\nOrders are delayed.\n\nAffects: Ordering\n\n"
                        + "The status page: https://status.example.com/status");
        assertThat(SubscriberMessages.body("Service disruption", "monitoring", null, List.of(), "https://s/status"))
                .contains("Monitoring: Service is restored; we are monitoring it.").doesNotContain("Affects");
    }
}
