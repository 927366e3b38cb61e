package org.drcc.incident.command;

/** A command that the incident's rules refuse; nothing was changed. */
public class IncidentRuleException extends RuntimeException {

    public IncidentRuleException(String message) {
        super(message);
    }
}
