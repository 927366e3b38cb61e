package org.drcc.kit.config;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * Makes sure the contract topics exist once Kafka answers. Spring's admin creates them while the service starts,
 * but a service must start while Kafka is down (fail-fast off), and then nothing would create them later: the
 * relay's records would wait for topics that never come (the broker does not create topics on its own). So after
 * the start this tries again, backing off, until the admin has checked or created every topic with its
 * partitions; with Kafka up at start that is one quick check.
 */
class ContractTopicsKeeper implements ApplicationListener<ApplicationReadyEvent>, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ContractTopicsKeeper.class);
    private static final long FIRST_DELAY_MS = 2_000;
    private static final long MAX_DELAY_MS = 30_000;

    private final KafkaAdmin admin;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "dr-contract-topics");
        thread.setDaemon(true);
        return thread;
    });

    ContractTopicsKeeper(KafkaAdmin admin) {
        this.admin = admin;
    }

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        timer.execute(() -> attempt(FIRST_DELAY_MS));
    }

    private void attempt(long nextDelayMs) {
        try {
            if (admin.initialize()) {
                log.debug("The contract topics exist");
                timer.shutdown();
                return;
            }
        } catch (RuntimeException e) {
            log.warn("The contract topics cannot be checked yet (Kafka unreachable?): {}; trying again in {} s",
                    e.getClass().getSimpleName(), nextDelayMs / 1000);
        }
        if (!timer.isShutdown()) {
            timer.schedule(() -> attempt(Math.min(nextDelayMs * 2, MAX_DELAY_MS)), nextDelayMs, TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public void destroy() {
        timer.shutdownNow();
    }
}
