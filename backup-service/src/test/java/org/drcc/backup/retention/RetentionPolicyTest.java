package org.drcc.backup.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RetentionPolicyTest {

    @Test
    void cannotKeepNothing() {
        assertThatThrownBy(() -> new RetentionPolicy(0, 0, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("retention must keep something")
                .hasMessageContaining("daily=0, weekly=0, monthly=0");
    }

    @Test
    void cannotCountBackwards() {
        assertThatThrownBy(() -> new RetentionPolicy(-1, 12, 12)).hasMessageContaining("daily=-1");
        assertThatThrownBy(() -> new RetentionPolicy(30, -1, 12)).hasMessageContaining("weekly=-1");
        assertThatThrownBy(() -> new RetentionPolicy(30, 12, -1)).hasMessageContaining("monthly=-1");
        assertThatThrownBy(() -> new RetentionPolicy(Integer.MIN_VALUE, Integer.MAX_VALUE, 1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void canKeepASinglePeriodOfOneKind() {
        assertThat(new RetentionPolicy(1, 0, 0).daily()).isEqualTo(1);
        assertThat(new RetentionPolicy(0, 1, 0).weekly()).isEqualTo(1);
        assertThat(new RetentionPolicy(0, 0, 1).monthly()).isEqualTo(1);
    }
}
