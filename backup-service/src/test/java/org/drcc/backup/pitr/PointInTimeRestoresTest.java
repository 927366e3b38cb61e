package org.drcc.backup.pitr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.drcc.backup.postgres.PgTools;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.task.TaskExecutor;

/** Which instants can be restored, and which restore point an incident is offered. */
class PointInTimeRestoresTest {

    private static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");
    private static final Instant OLDEST = Instant.parse("2026-11-30T02:15:09Z");

    private final BaseBackups baseBackups = mock(BaseBackups.class);
    private final PitrViews views = mock(PitrViews.class);
    private final PitrEvents events = mock(PitrEvents.class);
    private PointInTimeRestores restores;

    @BeforeEach
    void setUp() {
        when(baseBackups.enabled()).thenReturn(true);
        when(baseBackups.database()).thenReturn("foodtruck");
        when(views.oldestRestorableInstant("foodtruck")).thenReturn(Optional.of(OLDEST));
        restores = new PointInTimeRestores(baseBackups, mock(PgBackRest.class), views, mock(PgTools.class), events,
                mock(TaskExecutor.class), Clock.fixed(NOW, ZoneOffset.UTC), mock(PitrJobOwners.class));
    }

    @Test
    void theOfferIsTheLastMicrosecondBeforeTheSuspectedStartWhenABaseBackupReachesThatFarBack() {
        Instant suspected = Instant.parse("2026-11-30T09:00:00Z");
        assertThat(restores.offer(suspected)).isEqualTo(new RestorePointOffer(RestorePointOffer.POINT_IN_TIME,
                "foodtruck", Instant.parse("2026-11-30T08:59:59.999999Z"), null));
    }

    @Test
    void damageBeforeTheOldestBaseBackupIsOfferedTheNewestVerifiedDumpBeforeIt() {
        Instant suspected = Instant.parse("2026-11-29T23:00:00Z");
        assertThat(restores.offer(suspected)).isEqualTo(new RestorePointOffer(RestorePointOffer.NEWEST_VERIFIED_DUMP,
                null, null, suspected));
    }

    @Test
    void cannotRestoreToAnInstantInTheFutureOrBeforeTheOldestBaseBackupAndNothingIsRecorded() {
        assertThatThrownBy(() -> restores.start("foodtruck", NOW.plusSeconds(1), "foodtruck_x", "dana"))
                .isInstanceOf(ToTimeOutOfRangeException.class).hasMessageContaining("in the future");
        assertThatThrownBy(() -> restores.start("foodtruck", OLDEST.minusMillis(1), "foodtruck_x", "dana"))
                .isInstanceOf(ToTimeOutOfRangeException.class).hasMessageContaining("choose " + OLDEST);
        assertThatThrownBy(() -> restores.start("keyring", OLDEST, "keyring_x", "dana"))
                .isInstanceOf(PitrRefusedException.class).hasMessageContaining("not set up for keyring");
        verifyNoInteractions(events);
    }
}
