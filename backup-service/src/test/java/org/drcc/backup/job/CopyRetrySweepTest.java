package org.drcc.backup.job;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.drcc.backup.policy.CopyRetry;
import org.drcc.backup.query.Backups;
import org.drcc.backup.query.MissingCopy;
import org.drcc.backup.storage.ObjectStore;
import org.junit.jupiter.api.Test;

/**
 * A copy is tried, and its attempt counted, only while the stores it needs answer: the backups taken during a regional
 * outage are not given up within the minutes of their attempts, and reach the tier once it is back.
 */
class CopyRetrySweepTest {

    private static final Instant NOW = Instant.parse("2026-12-03T09:00:00Z");
    private static final Map<String, String> TIERS = Map.of("primary", "p-bucket", "secondary", "s-bucket",
            "tertiary", "t-bucket");
    private static final ObjectStore.Unusable SILENT = new ObjectStore.Unusable("no answer within 5 s", false);

    private final Backups backups = mock(Backups.class);
    private final TierCopier copier = mock(TierCopier.class);
    private final ObjectStore store = mock(ObjectStore.class);
    private final CommandGateway commands = mock(CommandGateway.class);
    private final CopyRetrySweep sweep = new CopyRetrySweep(backups, copier, commands,
            new CopyRetry(5, Duration.ofMinutes(1), 2, Duration.ofHours(1), Duration.ofMinutes(1), true), Runnable::run,
            Clock.fixed(NOW, ZoneOffset.UTC), store);

    @Test
    void aTierWhoseStoreGivesNoAnswerIsAskedOncePerSweepAndItsCopiesWaitWithoutAnAttempt() {
        when(copier.tiers()).thenReturn(TIERS);
        when(backups.missingCopies(TIERS)).thenReturn(List.of(missing("b-1", "t-bucket", null, "primary", "p-bucket", 4),
                missing("b-2", "t-bucket", null, "primary", "p-bucket", 1)));
        when(store.unusable(eq("p-bucket"), any())).thenReturn(Optional.of(SILENT));

        sweep.sweep();

        verify(store, times(1)).unusable(eq("p-bucket"), any());
        verify(copier, never()).copy(anyString(), anyList(), anyString(), anyString(), anyString(), anyString(), anyInt());
        verify(commands, never()).sendAndWait(any());
    }

    @Test
    void aTierThatAnswersWithoutItsBucketIsTriedAndCountedSoThatItsCopiesAreGivenUpAndAlerted() {
        when(copier.tiers()).thenReturn(TIERS);
        when(backups.missingCopies(TIERS)).thenReturn(List.of(missing("b-1", "t-bucket", null, "secondary", "s-bucket", 1)));
        when(store.unusable(eq("s-bucket"), any())).thenReturn(Optional.of(new ObjectStore.Unusable("no bucket s-bucket",
                true)));
        when(store.unusable(eq("t-bucket"), any())).thenReturn(Optional.empty());

        sweep.sweep();

        verify(copier).copy("b-1", List.of("t-bucket"), "foodtruck/b-1.dump", "ab12", "secondary", "s-bucket", 2);
    }

    @Test
    void aCopyWhoseSourcesAllGiveNoAnswerWaitsButOneWithAProvenCopyThatAnswersIsMade() {
        when(copier.tiers()).thenReturn(TIERS);
        when(store.unusable(eq("t-bucket"), any())).thenReturn(Optional.empty());
        when(store.unusable(eq("p-bucket"), any())).thenReturn(Optional.of(SILENT));
        when(store.unusable(eq("s-bucket"), any())).thenReturn(Optional.empty());
        when(backups.missingCopies(TIERS)).thenReturn(List.of(missing("b-1", "p-bucket", null, "tertiary", "t-bucket", 1),
                missing("b-2", "p-bucket", "s-bucket", "tertiary", "t-bucket", 1)));

        sweep.sweep();

        verify(copier, never()).copy(eq("b-1"), anyList(), anyString(), anyString(), anyString(), anyString(), anyInt());
        // the silent bucket the dump was written to is not read: its proven copy is, without waiting out a timeout
        verify(copier).copy("b-2", List.of("s-bucket"), "foodtruck/b-2.dump", "ab12", "tertiary", "t-bucket", 2);
    }

    private static MissingCopy missing(String id, String from, String proven, String tier, String bucket, int failed) {
        return new MissingCopy(id, "foodtruck", from, proven, "foodtruck/" + id + ".dump", "ab12", tier, bucket, failed,
                NOW.minus(Duration.ofHours(2)));
    }
}
