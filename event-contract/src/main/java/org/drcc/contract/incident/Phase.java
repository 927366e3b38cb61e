package org.drcc.contract.incident;

/** The plan's recovery phases, in order; COMMUNICATION runs alongside the others. */
public enum Phase {
    ASSESSMENT, CONTAINMENT, RECOVERY, VALIDATION, COMMUNICATION, POST_RECOVERY
}
