package org.drcc.kit.audit;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * How far the audit chain's linker is behind, read from the database when scraped (both gauges from one query,
 * kept a second): {@code dr.audit.unlinked} (events stored and not linked yet) and {@code dr.audit.unlinked.oldest}
 * (seconds the oldest of them has waited). The linker runs every 200 ms, so either staying up means it does not
 * run or fails (the alert DrAuditChainUnlinked). NaN while PostgreSQL does not answer.
 */
class ChainLinkLag implements MeterBinder {

    private static final long KEPT_NANOS = 1_000_000_000L;

    private final ChainLinker linker;
    private ChainLinker.Lag last;
    private long readAt;

    ChainLinkLag(ChainLinker linker) {
        this.linker = linker;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("dr.audit.unlinked", this, lag -> lag.read(false)).baseUnit("events")
                .description("Events stored and not yet linked into the audit hash chain").register(registry);
        Gauge.builder("dr.audit.unlinked.oldest", this, lag -> lag.read(true)).baseUnit("seconds")
                .description("How long the oldest event not yet linked into the audit hash chain has waited")
                .register(registry);
    }

    synchronized double read(boolean oldest) {
        long now = System.nanoTime();
        if (last == null || now - readAt > KEPT_NANOS) {
            try {
                last = linker.lag();
            } catch (RuntimeException e) {
                last = null;
                return Double.NaN;
            }
            readAt = now;
        }
        return oldest ? last.oldestSeconds() : last.events();
    }
}
