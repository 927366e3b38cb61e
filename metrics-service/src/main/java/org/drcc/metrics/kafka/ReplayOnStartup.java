package org.drcc.metrics.kafka;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Rebuilds the facts on start-up when asked to (dr.metrics.replay-on-startup), or when they were built by
 * an older projection: facts it did not record then (restores, closes) are only in the topic now.
 */
@Component
class ReplayOnStartup implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(ReplayOnStartup.class);

    private final FactsReplay replay;
    private final ReplaySettings settings;

    ReplayOnStartup(FactsReplay replay, ReplaySettings settings) {
        this.replay = replay;
        this.settings = settings;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (settings.replayOnStartup() || replay.outdated()) {
            log.info("Rebuilding the incident facts from the beginning of the topics");
            replay.replay();
        }
    }
}
