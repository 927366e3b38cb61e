package org.drcc.notification.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.ref.WeakReference;
import java.util.concurrent.atomic.AtomicLong;
import org.axonframework.common.caching.Cache;
import org.ehcache.CacheManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class NotificationCacheTest {

    private final AtomicLong now = new AtomicLong(1_000_000);
    private final NotificationConfig config = new NotificationConfig();
    private final CacheManager caches = NotificationConfig.notificationCacheManager(now::get);
    private final Cache cache = config.notificationCache(caches);

    @AfterEach
    void close() {
        caches.close();
    }

    @Test
    void aScheduledNotificationIsStillInMemoryWhenTheCollectorHasRunAsWhenTheDispatcherClaimsIt() {
        cache.put("n-1", new Object());
        WeakReference<Object> held = new WeakReference<>(cache.get("n-1"));
        for (int i = 0; i < 3 && held.get() != null; i++) {
            System.gc();
        }

        assertThat(held.get()).as("strongly held: a collection does not clear it").isNotNull();
        assertThat(cache.containsKey("n-1")).isTrue();
    }

    @Test
    void aNotificationUnusedForAMinuteIsDroppedAndOneInUseStays() {
        cache.put("idle", "scheduled, never claimed");
        cache.put("busy", "claimed, then recorded");
        now.addAndGet(NotificationConfig.CACHED_IDLE.toMillis() - 1_000);
        assertThat(cache.<String, String>get("busy")).isNotNull();
        now.addAndGet(2_000);

        assertThat(cache.containsKey("idle")).as("idle for longer than a minute").isFalse();
        assertThat(cache.containsKey("busy")).as("used a second ago").isTrue();
    }

    @Test
    void itHoldsABurstsWorthAndDropsSomeBeyondIt() {
        for (int i = 0; i < NotificationConfig.CACHED_NOTIFICATIONS + 500; i++) {
            cache.put("n-" + i, i);
        }

        long held = java.util.stream.IntStream.range(0, NotificationConfig.CACHED_NOTIFICATIONS + 500)
                .filter(i -> cache.containsKey("n-" + i)).count();
        assertThat(held).isLessThanOrEqualTo(NotificationConfig.CACHED_NOTIFICATIONS)
                .isGreaterThan(NotificationConfig.CACHED_NOTIFICATIONS / 2);
        assertThat(cache.<String, Integer>get("n-" + (NotificationConfig.CACHED_NOTIFICATIONS + 499)))
                .as("the last put").isEqualTo(NotificationConfig.CACHED_NOTIFICATIONS + 499);
    }
}
