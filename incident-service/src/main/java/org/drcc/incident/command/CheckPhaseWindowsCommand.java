package org.drcc.incident.command;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Sent by the service's clock: records a breach for every phase window that ended by {@code at} while the incident
 * had not left the phase. Never refused: a decided window or a finished incident leaves the incident as it is.
 */
public record CheckPhaseWindowsCommand(@TargetAggregateIdentifier String incidentId, Instant at) {
}
