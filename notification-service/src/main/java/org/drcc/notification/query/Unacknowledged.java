package org.drcc.notification.query;

/** A declaration whose tier has not acknowledged it, identified by the incident event that declared. */
public record Unacknowledged(String sourceEventId, String incidentId) {
}
