package org.drcc.console.live;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The open event streams by channel ({@code board}, {@code incident:<id>}, {@code backups}, {@code drills}); a
 * stream that fails or times out leaves its channel (the page's htmx reconnects by itself).
 */
@Component
class Channels {

    static final Duration STREAM_TIMEOUT = Duration.ofMinutes(30);

    private final Map<String, Set<SseEmitter>> open = new ConcurrentHashMap<>();

    SseEmitter join(String channel) {
        SseEmitter emitter = new SseEmitter(STREAM_TIMEOUT.toMillis());
        Set<SseEmitter> members = open.computeIfAbsent(channel, c -> ConcurrentHashMap.newKeySet());
        members.add(emitter);
        Runnable leave = () -> members.remove(emitter);
        emitter.onCompletion(leave);
        emitter.onTimeout(leave);
        emitter.onError(e -> leave.run());
        try {
            // a first event, so that the browser knows at once that the stream is open
            emitter.send(SseEmitter.event().name("open").data("open"));
        } catch (IOException e) {
            leave.run();
        }
        return emitter;
    }

    void changed(String channel, String what) {
        Set<SseEmitter> members = open.get(channel);
        if (members == null) {
            return;
        }
        for (SseEmitter emitter : members) {
            try {
                emitter.send(SseEmitter.event().name("changed").data(what));
            } catch (IOException | IllegalStateException gone) {
                members.remove(emitter);
            }
        }
    }

    int listening(String channel) {
        Set<SseEmitter> members = open.get(channel);
        return members == null ? 0 : members.size();
    }
}
