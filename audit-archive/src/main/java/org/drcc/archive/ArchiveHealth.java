package org.drcc.archive;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;

/**
 * {@code auditArchive} on /actuator/health. A store that does not keep the Object Lock gets its own status,
 * RETENTION_NOT_HONOURED, not DOWN: the archive is still written and verifiable, so taking the service out
 * of rotation would only stop incident work, but the aggregate status shows it (HTTP 200) until fixed. The primary
 * copy's state is in the details as before; an off-site copy's is under {@code offsite}, and its store refusing the
 * lock sets the same status.
 */
class ArchiveHealth implements HealthIndicator {

    static final Status RETENTION_NOT_HONOURED = new Status("RETENTION_NOT_HONOURED",
            "the audit bucket does not keep the 7-year COMPLIANCE Object Lock: the archive is NOT immutable");

    private final ArchiveCopies copies;
    private final ArchiveProperties settings;

    ArchiveHealth(ArchiveCopies copies, ArchiveProperties settings) {
        this.copies = copies;
        this.settings = settings;
    }

    @Override
    public Health health() {
        boolean refused = copies.all().stream().anyMatch(copy -> copy.retention().firstRefusal() != null);
        Health.Builder health = refused ? Health.status(RETENTION_NOT_HONOURED) : Health.up();
        health.withDetail("topics", settings.topicPattern()).withDetail("retentionDays", settings.retentionDays());
        for (ArchiveCopy copy : copies.all()) {
            Map<String, Object> details = details(copy);
            if (copy.name().equals(ArchiveCopy.PRIMARY)) {
                health.withDetails(details);
            } else {
                health.withDetail(copy.name(), details);
            }
        }
        return health.build();
    }

    private static Map<String, Object> details(ArchiveCopy copy) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("bucket", copy.bucket());
        details.put("store", copy.store());
        RetentionStatus.Reading refusal = copy.retention().firstRefusal();
        RetentionStatus.Reading last = copy.retention().last();
        if (refusal != null) {
            details.put("retentionNotHonoured", refusal.detail());
            details.put("since", refusal.at().toString());
            details.put("object", refusal.object());
        }
        details.put("lastRetention", last != null ? last.detail() : "no segment written yet");
        if (copy.archiver().lastError() != null) {
            details.put("lastError", copy.archiver().lastError());
        }
        return details;
    }
}
