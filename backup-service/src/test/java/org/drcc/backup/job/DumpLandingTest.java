package org.drcc.backup.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.drcc.backup.storage.ObjectStore;
import org.drcc.backup.storage.S3Properties;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/** The dump goes to the first usable tier in the plan's order, every store asked at once. */
class DumpLandingTest {

    private static final ObjectStore.Unusable SILENT = new ObjectStore.Unusable("no answer within 5000 ms", false);

    private final ObjectStore store = mock(ObjectStore.class);
    private final DumpLanding landing = new DumpLanding(store, new S3Properties(DataSize.ofMegabytes(8), 2,
            new S3Properties.Buckets("p-bucket", "s-bucket", "t-bucket")));

    @Test
    void theStoresAreAskedSideBySideSoTwoSilentOnesCostOneWait() {
        CountDownLatch secondaryAsked = new CountDownLatch(1);
        // the primary's store answers only once the secondary's has been asked too: asked one after the other, the
        // primary's probe would find no one asking and take the primary (the test's failure)
        when(store.unusable(eq("p-bucket"), any())).thenAnswer(i -> secondaryAsked.await(10, TimeUnit.SECONDS)
                ? Optional.of(SILENT) : Optional.empty());
        when(store.unusable(eq("s-bucket"), any())).thenAnswer(i -> {
            secondaryAsked.countDown();
            return Optional.of(SILENT);
        });
        when(store.unusable(eq("t-bucket"), any())).thenReturn(Optional.empty());

        assertThat(landing.choose("b-1", "foodtruck")).isEqualTo(new DumpLanding.Landing("tertiary", "t-bucket"));
    }

    @Test
    void aUsablePrimaryWinsEvenWhenItAnswersLastAndNoUsableTierFallsBackToThePrimary() {
        CountDownLatch othersAnswered = new CountDownLatch(2);
        when(store.unusable(eq("p-bucket"), any())).thenAnswer(i -> {
            othersAnswered.await(10, TimeUnit.SECONDS);
            return Optional.empty();
        });
        when(store.unusable(eq("s-bucket"), any())).thenAnswer(i -> {
            othersAnswered.countDown();
            return Optional.empty();
        });
        when(store.unusable(eq("t-bucket"), any())).thenAnswer(i -> {
            othersAnswered.countDown();
            return Optional.empty();
        });
        assertThat(landing.choose("b-1", "foodtruck")).isEqualTo(new DumpLanding.Landing("primary", "p-bucket"));

        when(store.unusable(any(), any())).thenReturn(Optional.of(SILENT));
        assertThat(landing.choose("b-2", "foodtruck")).as("none usable: the primary tried, to fail with its cause")
                .isEqualTo(new DumpLanding.Landing("primary", "p-bucket"));
    }
}
