package org.drcc.drill.command;

public enum DrillStatus {
    RUNNING, PASSED, FAILED
}
