package org.drcc.contract;

/** Kafka topic names: part of the public integration contract, documented in the README. */
public final class Topics {
    public static final String INCIDENT_EVENTS = "dr.incident.events";
    public static final String BACKUP_EVENTS = "dr.backup.events";
    public static final String NOTIFICATION_EVENTS = "dr.notification.events";

    private Topics() {
    }
}
