package org.drcc.archive;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.drcc.contract.audit.ArchiveVerificationFailedEvent;
import org.drcc.contract.audit.ArchiveVerifiedEvent;
import org.drcc.contract.audit.AuditEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Verifies each copy of the archive on a schedule ({@code dr.archive.verify-schedule}, daily), on one instance at a
 * time, and says what it found on {@code dr.audit.events}: {@code dr.audit.archive-verified.v1}, the proof, kept seven
 * years like every event, that the copy was untouched that day; or {@code dr.audit.archive-verification-failed.v1}
 * with the first break. The verdict is kept in the host's database ({@link Verdicts}), which the gauges
 * {@code dr.audit.archive.intact{copy}} and {@code dr.audit.archive.verified.age{copy}} read on every instance. A copy
 * that cannot be read is not verified that day: logged, no verdict either way (the archiver's own health and gauge say
 * when its store is down; the age of the last verdict grows, and its alert says so after a day and more).
 */
class ArchiveVerifications {

    private static final Logger log = LoggerFactory.getLogger(ArchiveVerifications.class);

    private final ArchiveCopies copies;
    private final RetentionAlerts.Publisher publisher;
    private final Verdicts verdicts;
    private final Clock clock;

    ArchiveVerifications(ArchiveCopies copies, RetentionAlerts.Publisher publisher, Verdicts verdicts, Clock clock) {
        this.copies = copies;
        this.publisher = publisher;
        this.verdicts = verdicts;
        this.clock = clock;
    }

    void verifyAll() {
        for (ArchiveCopy copy : copies.all()) {
            if (Thread.currentThread().isInterrupted()) {
                return; // the service is stopping
            }
            ArchiveReport report;
            try {
                report = copy.verify();
            } catch (RuntimeException e) {
                if (Thread.currentThread().isInterrupted()) {
                    return;
                }
                log.warn("audit archive: the {} copy (bucket {}) could not be verified; no verdict today, the next "
                        + "scheduled verification tries again", copy.name(), copy.bucket(), e);
                continue;
            }
            Instant at = clock.instant();
            verdicts.record(copy, report, at);
            AuditEvent event = report.intact()
                    ? new ArchiveVerifiedEvent(copy.bucket(), copy.name(), report.clusters().size(), report.partitions(),
                            report.segmentsChecked(), report.eventsChecked(), RetentionAlerts.ACTOR, at)
                    : new ArchiveVerificationFailedEvent(copy.bucket(), copy.name(), report.firstBreak().kind(),
                            report.firstBreak().object(), report.firstBreak().detail(), report.segmentsChecked(),
                            report.eventsChecked(), RetentionAlerts.ACTOR, at);
            if (!report.intact()) {
                log.error("AUDIT ARCHIVE BROKEN: the {} copy (bucket {}): {} at {}: {}", copy.name(), copy.bucket(),
                        report.firstBreak().kind(), report.firstBreak().object(), report.firstBreak().detail());
            }
            try {
                publisher.publish(copy.bucket(), UUID.randomUUID().toString(), event);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                log.warn("audit archive: cannot publish the {} copy's verification to dr.audit.events ({}); the next "
                        + "scheduled verification publishes its own", copy.name(), e.toString());
            }
        }
    }
}
