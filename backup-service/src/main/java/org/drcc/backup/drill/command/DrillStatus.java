package org.drcc.backup.drill.command;

public enum DrillStatus {
    RUNNING, PASSED, FAILED
}
