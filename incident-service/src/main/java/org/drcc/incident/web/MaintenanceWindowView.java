package org.drcc.incident.web;

import java.time.Instant;

/** A scheduled maintenance window, as the API answers it. */
public record MaintenanceWindowView(String id, Instant startsAt, Instant endsAt, String reason, String scheduledBy,
                                    Instant scheduledAt) {
}
