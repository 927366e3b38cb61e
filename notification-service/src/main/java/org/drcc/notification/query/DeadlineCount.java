package org.drcc.notification.query;

import java.time.Instant;

/**
 * The communication plan's deadlines of one incident: its messages whose deadline was met, breached, and still due,
 * with the nearest due one. An incident with no message owed counts nothing.
 */
public record DeadlineCount(String incidentId, int due, int met, int breached, Instant nextDue) {

    static DeadlineCount none(String incidentId) {
        return new DeadlineCount(incidentId, 0, 0, 0, null);
    }
}
