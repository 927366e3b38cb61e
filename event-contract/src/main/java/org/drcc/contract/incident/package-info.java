/**
 * incident-service's events on {@code dr.incident.events} (sealed {@code IncidentEvent}) and the values they carry:
 * status, phase, severity, roles, checklist items and the scenario's targets, so a consumer acts without calling
 * back. Each record's {@code @JsonTypeName} is its versioned CloudEvents type.
 */
package org.drcc.contract.incident;
