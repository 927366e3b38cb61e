package org.drcc.notification.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AudienceTest {

    private static CommunicationPlan.Audience audience(Duration openLongerThan) {
        return new CommunicationPlan.Audience("Users by E-mail", Set.of(), Set.of(), List.of(), Set.of(), openLongerThan);
    }

    @Test
    void anAudienceOfExtendedOutagesIsToldOnlyOfAnIncidentOpenLongerThanItsRule() {
        CommunicationPlan.Audience users = audience(Duration.ofHours(1));
        assertThat(users.openLongEnough(Duration.ZERO)).as("at the declaration").isFalse();
        assertThat(users.openLongEnough(Duration.ofHours(1))).as("exactly an hour is not longer").isFalse();
        assertThat(users.openLongEnough(Duration.ofMinutes(61))).isTrue();
        assertThat(users.openLongEnough(null)).as("how long is not known").isFalse();
    }

    @Test
    void anAudienceWithoutTheRuleIsToldAtOnce() {
        assertThat(audience(null).openLongEnough(Duration.ZERO)).isTrue();
        assertThat(audience(null).openLongEnough(null)).isTrue();
    }
}
