package org.drcc.archive;

import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.drcc.contract.audit.ArchiveVerificationFailedEvent;
import org.drcc.contract.audit.ArchiveVerifiedEvent;
import org.drcc.contract.audit.AuditEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Verifies each copy of the archive on a schedule ({@code dr.archive.verify-schedule}, daily), on one instance at a
 * time, and says what it found on {@code dr.audit.events}: {@code dr.audit.archive-verified.v1}, the proof, kept seven
 * years like every event, that the copy was untouched that day; or {@code dr.audit.archive-verification-failed.v1}
 * with the first break. {@code dr.audit.archive.intact{copy}} follows the last verification, for the alert. A copy
 * whose store cannot be read is not verified that day (logged; the archiver's own health and gauge say the store is
 * down), and says nothing either way.
 */
class ArchiveVerifications {

    private static final Logger log = LoggerFactory.getLogger(ArchiveVerifications.class);

    private final ArchiveCopies copies;
    private final RetentionAlerts.Publisher publisher;
    private final Clock clock;
    private final Map<String, Boolean> intact = new ConcurrentHashMap<>();

    ArchiveVerifications(ArchiveCopies copies, RetentionAlerts.Publisher publisher, Clock clock) {
        this.copies = copies;
        this.publisher = publisher;
        this.clock = clock;
    }

    void verifyAll() {
        for (ArchiveCopy copy : copies.all()) {
            ArchiveReport report;
            try {
                report = copy.verify();
            } catch (RuntimeException e) {
                log.warn("audit archive: the {} copy (bucket {}) could not be verified, its store did not answer ({}); "
                        + "the next scheduled verification tries again", copy.name(), copy.bucket(), e.toString());
                continue;
            }
            intact.put(copy.name(), report.intact());
            AuditEvent event = report.intact()
                    ? new ArchiveVerifiedEvent(copy.bucket(), copy.name(), report.clusters().size(), report.partitions(),
                            report.segmentsChecked(), report.eventsChecked(), RetentionAlerts.ACTOR, clock.instant())
                    : new ArchiveVerificationFailedEvent(copy.bucket(), copy.name(), report.firstBreak().kind(),
                            report.firstBreak().object(), report.firstBreak().detail(), report.segmentsChecked(),
                            report.eventsChecked(), RetentionAlerts.ACTOR, clock.instant());
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

    /** 1 when the copy's last verification found it intact, 0 when broken, NaN before its first. */
    double intact(String copy) {
        Boolean last = intact.get(copy);
        return last == null ? Double.NaN : last ? 1 : 0;
    }
}
