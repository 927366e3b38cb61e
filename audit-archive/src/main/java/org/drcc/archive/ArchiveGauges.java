package org.drcc.archive;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * The archive's state for the alerts, one series per copy (tag {@code copy}: {@code primary}, {@code offsite}).
 * {@code dr.audit.archive.retention.honoured}: 1 when the store read back the Object Lock retention asked for on the
 * copy's last segment, 0 when it did not (the seven-year promise is broken for new records), NaN before its first
 * segment. {@code dr.audit.archive.failing}: 1 while the copy's last archiving attempt failed (its archiver retries;
 * records wait on Kafka), else 0. {@code dr.audit.archive.intact}: 1 when the copy's last scheduled verification found
 * it intact, 0 when it found a break, NaN before the first; {@code dr.audit.archive.verified.age}: the seconds since
 * that verification. Both read the verdicts kept in the database, the same on every instance.
 */
class ArchiveGauges implements MeterBinder {

    private final ArchiveCopies copies;
    private final Verdicts verdicts;

    ArchiveGauges(ArchiveCopies copies, Verdicts verdicts) {
        this.copies = copies;
        this.verdicts = verdicts;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (ArchiveCopy copy : copies.all()) {
            Gauge.builder("dr.audit.archive.retention.honoured", copy.retention(), r -> r.last() == null ? Double.NaN
                            : r.last().honoured() ? 1 : 0)
                    .description("1 when the archive store kept the Object Lock retention of the last segment, else 0")
                    .tag("copy", copy.name()).register(registry);
            Gauge.builder("dr.audit.archive.failing", copy.archiver(), a -> a.lastError() == null ? 0 : 1)
                    .description("1 while the audit archiver's last attempt failed, else 0")
                    .tag("copy", copy.name()).register(registry);
            Gauge.builder("dr.audit.archive.intact", verdicts, v -> v.intact(copy.name()))
                    .description("1 when the scheduled verification last found the archive's copy intact, 0 broken")
                    .tag("copy", copy.name()).register(registry);
            Gauge.builder("dr.audit.archive.verified.age", verdicts, v -> v.ageSeconds(copy.name()))
                    .description("Seconds since the scheduled verification last gave a verdict on the archive's copy")
                    .baseUnit("seconds").tag("copy", copy.name()).register(registry);
        }
    }
}
