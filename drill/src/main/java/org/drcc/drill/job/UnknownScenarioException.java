package org.drcc.drill.job;

import java.util.List;
import org.drcc.drill.command.DrillScenario;

public class UnknownScenarioException extends RuntimeException {

    public UnknownScenarioException(String scenario) {
        super("unknown scenario '" + scenario + "'; the scenarios a drill can run are " + DrillScenario.ids());
    }

    public List<String> known() {
        return DrillScenario.ids();
    }
}
