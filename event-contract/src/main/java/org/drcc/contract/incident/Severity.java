package org.drcc.contract.incident;

/** The plan's severity levels, most severe first. */
public enum Severity {
    CRITICAL, HIGH, MEDIUM, LOW
}
