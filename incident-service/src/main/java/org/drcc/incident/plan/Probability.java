package org.drcc.incident.plan;

/** The plan's likelihood of a scenario. */
public enum Probability {
    VERY_LOW, LOW, MEDIUM, HIGH
}
