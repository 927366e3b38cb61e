package org.drcc.archive;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

/** What the store did with the last Object Lock retention asked for, read back after the write. */
final class RetentionStatus {

    /**
     * @param mode        the retention mode asked for ({@code COMPLIANCE})
     * @param retainUntil the retain-until date asked for
     * @param detail      what the store read back or answered, in words
     */
    record Reading(boolean honoured, String object, String mode, Instant retainUntil, String detail, Instant at) {
    }

    private final AtomicReference<Reading> last = new AtomicReference<>();
    private final AtomicReference<Reading> firstRefusal = new AtomicReference<>();

    /** Records a reading; true when this is the first time the store did not honour the retention. */
    boolean record(Reading reading) {
        last.set(reading);
        return !reading.honoured() && firstRefusal.compareAndSet(null, reading);
    }

    Reading last() {
        return last.get();
    }

    Reading firstRefusal() {
        return firstRefusal.get();
    }
}
