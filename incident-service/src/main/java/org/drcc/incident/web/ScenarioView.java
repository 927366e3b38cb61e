package org.drcc.incident.web;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.drcc.contract.incident.IncidentRole;
import org.drcc.contract.incident.Phase;
import org.drcc.contract.incident.Severity;
import org.drcc.incident.plan.Plan;
import org.drcc.incident.plan.Probability;
import org.drcc.incident.plan.Scenario;

/** A scenario of the plan with the checklist its incidents are run by; {@code deed} names what the suite ticks itself,
 * {@code owner} whose duty an item is. */
record ScenarioView(String id, String name, Severity severity, Probability probability, Duration rto, Duration rpo,
                    String estimatedRecovery, List<String> symptoms, List<String> recoverySteps, List<Item> checklist) {

    record Item(String id, Phase phase, String text, boolean mandatory, IncidentRole owner, String deed) {
    }

    static ScenarioView of(Scenario s, Plan plan) {
        Map<String, String> deeds = new HashMap<>();
        plan.phases().forEach(p -> p.items().stream().filter(i -> i.deed() != null).forEach(i -> deeds.put(i.id(), i.deed())));
        List<Item> checklist = plan.checklistFor(s).stream()
                .map(i -> new Item(i.id(), i.phase(), i.text(), i.mandatory(), i.owner(), deeds.get(i.id()))).toList();
        return new ScenarioView(s.id(), s.name(), s.severity(), s.probability(), s.rto(), s.rpo(), s.estimatedRecovery(),
                s.symptoms(), s.recoverySteps(), checklist);
    }
}
