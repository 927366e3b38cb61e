package org.drcc.incident.plan;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.drcc.contract.incident.ChecklistItem;
import org.drcc.contract.incident.Phase;
import org.drcc.contract.plan.ReviewKind;
import org.springframework.core.io.Resource;

/** The DR plan as data: its phases' checklists and its scenarios, from a YAML file an operator may replace. */
public final class Plan {

    private final List<PhaseChecklist> phases;
    private final List<Scenario> scenarios;
    private final List<PlanReview> reviews;

    public Plan(List<PhaseChecklist> phases, List<Scenario> scenarios) {
        this(phases, scenarios, List.of());
    }

    public Plan(List<PhaseChecklist> phases, List<Scenario> scenarios, List<PlanReview> reviews) {
        List<String> problems = validate(phases, scenarios);
        problems.addAll(validateReviews(reviews == null ? List.of() : reviews));
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("the DR plan file is invalid: " + String.join("; ", problems));
        }
        this.phases = List.copyOf(phases);
        this.scenarios = List.copyOf(scenarios);
        this.reviews = reviews == null ? List.of() : List.copyOf(reviews);
    }

    public static Plan load(Resource file) {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory()).registerModule(new JavaTimeModule())
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        try (InputStream in = file.getInputStream()) {
            PlanFile plan = yaml.readValue(in, PlanFile.class);
            return new Plan(plan.phases(), plan.scenarios(), plan.reviews());
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the DR plan " + file + ": " + e.getMessage(), e);
        }
    }

    public List<Scenario> scenarios() {
        return scenarios;
    }

    public List<PhaseChecklist> phases() {
        return phases;
    }

    /** The review schedule ("Continuous Improvement"); empty when the plan file has none. */
    public List<PlanReview> reviews() {
        return reviews;
    }

    public Optional<Scenario> find(String scenarioId) {
        return scenarios.stream().filter(s -> s.id().equals(scenarioId)).findFirst();
    }

    /** The id of the checklist item the plan marks with {@code deed}, if any. */
    public Optional<String> itemFor(String deed) {
        return phases.stream().flatMap(p -> p.items().stream()).filter(i -> deed.equals(i.deed())).map(PlanItem::id)
                .findFirst();
    }

    /** The checklist an incident of this scenario is run by: the plan's items, then the scenario's steps. */
    public List<ChecklistItem> checklistFor(Scenario scenario) {
        List<ChecklistItem> items = new ArrayList<>();
        for (PhaseChecklist phase : phases) {
            phase.items().forEach(i -> items.add(new ChecklistItem(i.id(), phase.phase(), i.text(), i.isMandatory())));
        }
        List<String> steps = scenario.recoverySteps() == null ? List.of() : scenario.recoverySteps();
        for (int i = 0; i < steps.size(); i++) {
            items.add(new ChecklistItem("step-" + (i + 1), Phase.RECOVERY, steps.get(i), false));
        }
        return items;
    }

    private static List<String> validate(List<PhaseChecklist> phases, List<Scenario> scenarios) {
        List<String> problems = new ArrayList<>();
        if (phases == null || phases.isEmpty()) {
            problems.add("it lists no phase");
        } else {
            Set<String> itemIds = new HashSet<>();
            Set<String> deeds = new HashSet<>();
            phases.stream().flatMap(p -> p.items().stream()).forEach(i -> {
                if (i.deed() != null && !deeds.add(i.deed())) {
                    problems.add("deed '" + i.deed() + "' is on two checklist items: the suite would not know which to tick");
                }
                if (i.id() == null || !i.id().matches("[a-z0-9]+(-[a-z0-9]+)*") || i.id().startsWith("step-")) {
                    problems.add("checklist item id '" + i.id() + "' is not lower-case words joined by '-' (step-N is reserved)");
                } else if (!itemIds.add(i.id())) {
                    problems.add("checklist item id '" + i.id() + "' appears twice");
                }
            });
        }
        if (scenarios == null || scenarios.isEmpty()) {
            problems.add("it lists no scenario");
            return problems;
        }
        Set<String> ids = new HashSet<>();
        for (Scenario s : scenarios) {
            if (s.id() == null || !s.id().matches("[a-z0-9]+(-[a-z0-9]+)*")) {
                problems.add("scenario id '" + s.id() + "' is not lower-case words joined by '-'");
            } else if (!ids.add(s.id())) {
                problems.add("scenario id '" + s.id() + "' appears twice");
            }
            if (s.severity() == null || s.rto() == null || s.rto().isNegative() || s.rto().isZero()) {
                problems.add("scenario '" + s.id() + "' needs a severity and a positive rto");
            }
        }
        return problems;
    }

    private static List<String> validateReviews(List<PlanReview> reviews) {
        List<String> problems = new ArrayList<>();
        Set<ReviewKind> kinds = new HashSet<>();
        for (PlanReview r : reviews) {
            if (r.kind() == null || !kinds.add(r.kind())) {
                problems.add("review kind " + r.kind() + " is missing or appears twice");
            }
            if (r.what() == null || r.what().isBlank()) {
                problems.add("review " + r.kind() + " needs a 'what'");
            }
            if (r.kind() == ReviewKind.POST_INCIDENT && (r.within() == null || r.within().isNegative()
                    || r.within().isZero())) {
                problems.add("the POST_INCIDENT review needs a positive 'within' (e.g. P7D)");
            }
        }
        return problems;
    }

    private record PlanFile(List<PhaseChecklist> phases, List<Scenario> scenarios, List<PlanReview> reviews) {
    }
}
