package org.drcc.contract.incident;

/** The plan's DR roles, assigned to people per incident. */
public enum IncidentRole {
    DR_LEAD, DATABASE_ADMINISTRATOR, DEVOPS, SECURITY, SUPPORT
}
