package org.drcc.backup.retention;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RetentionPlanTest {

    // as GfsRetention lists them: newest first
    private static final RetentionPlan PLAN = new RetentionPlan(Map.of("k", "daily"), List.of("e4", "e3", "e2", "e1"));

    @Test
    void expiresTheOldestUpToTheCapAndDefersTheRest() {
        RetentionPlan limited = PLAN.limitedTo(3);

        assertThat(limited.expired()).containsExactly("e1", "e2", "e3");
        assertThat(limited.deferred()).containsExactly("e4");
        assertThat(limited.kept()).isEqualTo(PLAN.kept());
        assertThat(limited.halted()).isNull();
    }

    @Test
    void defersNothingAtOrUnderTheCap() {
        assertThat(PLAN.limitedTo(4).expired()).containsExactly("e1", "e2", "e3", "e4");
        assertThat(PLAN.limitedTo(4).deferred()).isEmpty();
        assertThat(PLAN.limitedTo(10).deferred()).isEmpty();
    }

    @Test
    void aHaltedPlanKeepsEveryBackupAndSaysWhy() {
        RetentionPlan halted = RetentionPlan.halted(List.of("a", "b"), "the clock went back");

        assertThat(halted.kept()).containsOnlyKeys("a", "b");
        assertThat(halted.expired()).isEmpty();
        assertThat(halted.deferred()).isEmpty();
        assertThat(halted.halted()).isEqualTo("the clock went back");
    }
}
