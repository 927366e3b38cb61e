package org.drcc.contract;

import java.util.List;

/** Kafka topic names: part of the public integration contract, documented in the README. */
public final class Topics {
    public static final String INCIDENT_EVENTS = "dr.incident.events";
    public static final String BACKUP_EVENTS = "dr.backup.events";
    public static final String NOTIFICATION_EVENTS = "dr.notification.events";
    public static final String DRILL_EVENTS = "dr.drill.events";
    /** What the audit trail itself says about its own state, e.g. the archive store not keeping the Object Lock. */
    public static final String AUDIT_EVENTS = "dr.audit.events";
    /** Erasures of a person's personal data (crypto-shredding). */
    public static final String PRIVACY_EVENTS = "dr.privacy.events";
    /** The plan's own records: planned maintenance windows. */
    public static final String PLAN_EVENTS = "dr.plan.events";
    public static final List<String> ALL = List.of(INCIDENT_EVENTS, BACKUP_EVENTS, NOTIFICATION_EVENTS, DRILL_EVENTS,
            AUDIT_EVENTS, PRIVACY_EVENTS, PLAN_EVENTS);
    /** Where a consumer parks a record it cannot read: {@code dr.incident.events.dlt}, and so on. */
    public static final String DEAD_LETTER_SUFFIX = ".dlt";

    private Topics() {
    }
}
