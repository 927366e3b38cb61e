package org.drcc.kit.axon;

import java.util.ArrayList;
import java.util.List;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;

/**
 * The events that work run on this thread stored, as they were applied: for a caller that answers with what its
 * command did and would otherwise read the same events back from the store and read each into its class again (for
 * a declaration, its plan's checklists: as much of incident-service's time as the command itself, JFR in
 * {@code docs/benchmarks.md}, API). Axon's simple command bus handles a command on the thread that sends it, and the
 * kit's event store ({@link EventStoreAutoConfiguration}) hands each unit of work's events here once the unit of work
 * has committed. When it joined a transaction of the caller's (an {@code Idempotency-Key}'s claim), that transaction
 * commits them later, with the caller's answer: an answer built from them is sent only if it does. A command bus
 * that handled commands elsewhere would leave the list empty, and the caller reads the store as before. No Axon API
 * hands a command's events back to its sender; a thread's own list is the least of it.
 */
public final class CommittedEvents {

    private static final ThreadLocal<List<EventMessage<?>>> COLLECTING = new ThreadLocal<>();

    private CommittedEvents() {
    }

    /**
     * Runs {@code work} and returns the events of {@code aggregateId} committed by it on this thread, in their order;
     * empty if none were (or they were committed elsewhere). An exception of {@code work} passes through.
     */
    public static List<DomainEventMessage<?>> of(String aggregateId, Runnable work) {
        List<EventMessage<?>> outer = COLLECTING.get();
        List<EventMessage<?>> collected = new ArrayList<>();
        COLLECTING.set(collected);
        try {
            work.run();
        } finally {
            if (outer == null) {
                COLLECTING.remove();
            } else {
                outer.addAll(collected);
                COLLECTING.set(outer);
            }
        }
        List<DomainEventMessage<?>> ofAggregate = new ArrayList<>();
        for (EventMessage<?> event : collected) {
            if (event instanceof DomainEventMessage<?> domain && aggregateId.equals(domain.getAggregateIdentifier())) {
                ofAggregate.add(domain);
            }
        }
        return ofAggregate;
    }

    /** Whether this thread is collecting: never once {@link #of} has returned or thrown. */
    static boolean collecting() {
        return COLLECTING.get() != null;
    }

    /** Called by the event store with a unit of work's events once the unit of work has committed. */
    static void committed(List<? extends EventMessage<?>> events) {
        List<EventMessage<?>> collecting = COLLECTING.get();
        if (collecting != null) {
            collecting.addAll(events);
        }
    }
}
