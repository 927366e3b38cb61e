package org.drcc.notification.channel;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A bounded pool of sender threads per channel (webhook, slack, email, ...), made when the channel is first used:
 * at most {@code perChannel} messages of one channel are on their way at a time, and the channels never wait for
 * each other. Plain JDK executors: the bound and the isolation are all that is needed here.
 */
final class ChannelSenders implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ChannelSenders.class);

    private final int perChannel;
    private final Map<String, ExecutorService> pools = new ConcurrentHashMap<>();

    /** {@code perChannel} is at least 1 ({@link DeliverySettings} checks it). */
    ChannelSenders(int perChannel) {
        this.perChannel = perChannel;
    }

    /** How many senders each channel has. */
    int perChannel() {
        return perChannel;
    }

    Future<?> submit(String channel, Runnable send) {
        return pools.computeIfAbsent(channel, this::pool).submit(send);
    }

    /** Waits for every send. */
    void awaitAll(List<Future<?>> sends) {
        for (Future<?> send : sends) {
            try {
                send.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (ExecutionException e) {
                // a send records its outcome itself; what escapes is a bug, and the message is resolved next round
                log.error("A send ended without recording its outcome", e.getCause());
            }
        }
    }

    private ExecutorService pool(String channel) {
        AtomicInteger n = new AtomicInteger();
        return Executors.newFixedThreadPool(perChannel, r -> {
            Thread thread = new Thread(r, "notify-" + channel + "-" + n.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    @Override
    public void close() {
        pools.values().forEach(ExecutorService::shutdownNow);
    }
}
