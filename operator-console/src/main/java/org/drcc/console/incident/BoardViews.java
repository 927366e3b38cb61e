package org.drcc.console.incident;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springframework.stereotype.Component;

/**
 * The incident views the board shows, kept per incident and version. A view at a version is folded from the same
 * events every time, so a refresh reads again only the incidents whose version the list shows changed: on the worst
 * day, the one declaration among hundreds of open incidents, not every one of them at every event. Only what a row
 * shows is kept (no role holder, note or checklist), and only as many views as the board can show.
 */
@Component
class BoardViews {

    private static final List<String> SHOWN = List.of("id", "title", "scenario", "severity", "status", "phase", "drill",
            "declaredAt", "rto", "windows");

    private final Cache<String, Map<String, Object>> views = Caffeine.newBuilder().maximumSize(5_000).build();

    /**
     * The view of incident {@code id} at {@code version} (or later), read with {@code read} when not kept. The read is
     * an HTTP call, made outside the cache's compute (which would hold other keys' writers while it waits); two
     * refreshes that miss together both read, and keep the same view.
     */
    Map<String, Object> of(Object id, Object version, Function<Object, Map<String, Object>> read) {
        String key = id + "@" + version;
        Map<String, Object> kept = views.getIfPresent(key);
        if (kept == null) {
            kept = shown(read.apply(id));
            views.put(key, kept);
        }
        return kept;
    }

    private static Map<String, Object> shown(Map<String, Object> view) {
        Map<String, Object> row = new LinkedHashMap<>();
        SHOWN.forEach(field -> row.put(field, view.get(field)));
        if (view.get("restore") instanceof Map<?, ?> restore) {
            row.put("restore", Collections.singletonMap("at", restore.get("at")));
        }
        return row;
    }
}
