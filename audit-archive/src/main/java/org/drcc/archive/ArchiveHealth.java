package org.drcc.archive;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;

/**
 * {@code auditArchive} on /actuator/health. A store that does not keep the Object Lock gets its own status,
 * RETENTION_NOT_HONOURED, not DOWN: the archive is still written and verifiable, so taking the service out
 * of rotation would only stop incident work, but the aggregate status shows it (HTTP 200) until fixed.
 */
class ArchiveHealth implements HealthIndicator {

    static final Status RETENTION_NOT_HONOURED = new Status("RETENTION_NOT_HONOURED",
            "the audit bucket does not keep the 7-year COMPLIANCE Object Lock: the archive is NOT immutable");

    private final RetentionStatus retention;
    private final Archiver archiver;
    private final ArchiveProperties settings;

    ArchiveHealth(RetentionStatus retention, Archiver archiver, ArchiveProperties settings) {
        this.retention = retention;
        this.archiver = archiver;
        this.settings = settings;
    }

    @Override
    public Health health() {
        RetentionStatus.Reading refusal = retention.firstRefusal();
        RetentionStatus.Reading last = retention.last();
        Health.Builder health = refusal != null ? Health.status(RETENTION_NOT_HONOURED) : Health.up();
        health.withDetail("bucket", settings.bucket()).withDetail("topics", settings.topicPattern())
                .withDetail("retentionDays", settings.retentionDays());
        if (refusal != null) {
            health.withDetail("retentionNotHonoured", refusal.detail()).withDetail("since", refusal.at().toString())
                    .withDetail("object", refusal.object());
        }
        if (last != null) {
            health.withDetail("lastRetention", last.detail());
        } else {
            health.withDetail("lastRetention", "no segment written yet");
        }
        if (archiver.lastError() != null) {
            health.withDetail("lastError", archiver.lastError());
        }
        return health.build();
    }
}
