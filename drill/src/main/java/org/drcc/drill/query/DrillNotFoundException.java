package org.drcc.drill.query;

public class DrillNotFoundException extends RuntimeException {

    public DrillNotFoundException(String drillId) {
        super("no drill " + drillId);
    }
}
