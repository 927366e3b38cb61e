package org.drcc.contract.incident;

/** The lifecycle of a DR incident, in the plan's order; CANCELLED marks a false alarm. */
public enum IncidentStatus {
    DECLARED, ASSESSED, CONTAINED, RESTORED, VALIDATED, CLOSED, CANCELLED
}
