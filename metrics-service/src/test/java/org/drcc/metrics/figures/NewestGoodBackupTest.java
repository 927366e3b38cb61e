package org.drcc.metrics.figures;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.drcc.metrics.figures.NewestGoodBackup.RpoStatus;
import org.junit.jupiter.api.Test;

class NewestGoodBackupTest {

    private static final Instant NOW = Instant.parse("2026-11-20T12:00:00Z");
    private static final Duration H = Duration.ofHours(1);

    @Test
    void aBackupAsOldAsTheRpoIsWithinItAndOneAMillisecondOlderIsNot() {
        assertThat(NewestGoodBackup.of("orders", "a", NOW.minus(H), H, NOW).status()).isEqualTo(RpoStatus.WITHIN_RPO);
        NewestGoodBackup older = NewestGoodBackup.of("orders", "a", NOW.minus(H).minusMillis(1), H, NOW);
        assertThat(older.status()).isEqualTo(RpoStatus.OLDER_THAN_RPO);
        assertThat(older.age()).isEqualTo(H.plusMillis(1));
    }

    @Test
    void aDatabaseWithoutAGoodBackupHasNoAgeAndIsOlderThanAKnownRpo() {
        NewestGoodBackup none = NewestGoodBackup.of("orders", null, null, H, NOW);
        assertThat(none.age()).isNull();
        assertThat(none.status()).isEqualTo(RpoStatus.OLDER_THAN_RPO);
    }

    @Test
    void withoutAKnownRpoTheStatusIsUnknownWhateverTheAge() {
        assertThat(NewestGoodBackup.of("orders", "a", NOW.minus(Duration.ofDays(400)), null, NOW).status())
                .isEqualTo(RpoStatus.UNKNOWN);
        assertThat(NewestGoodBackup.of("orders", null, null, null, NOW).status()).isEqualTo(RpoStatus.UNKNOWN);
    }
}
