package org.drcc.console.live;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** The pages' event streams (text/event-stream), for signed-in people only like every page. */
@RestController
class LiveController {

    private final Channels channels;

    LiveController(Channels channels) {
        this.channels = channels;
    }

    @GetMapping(path = "/live/incidents/{id}", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter incident(@PathVariable String id) {
        return channels.join("incident:" + id);
    }

    @GetMapping(path = "/live/{channel:board|backups|drills}", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter page(@PathVariable String channel) {
        return channels.join(channel);
    }
}
