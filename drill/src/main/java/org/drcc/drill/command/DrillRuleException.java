package org.drcc.drill.command;

/** A drill's rule refused a command: nothing was recorded. */
public class DrillRuleException extends RuntimeException {

    public DrillRuleException(String message) {
        super(message);
    }
}
