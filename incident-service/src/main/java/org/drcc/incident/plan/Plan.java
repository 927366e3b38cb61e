package org.drcc.incident.plan;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.math.BigDecimal;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.drcc.contract.incident.ChecklistItem;
import org.drcc.contract.incident.Phase;
import org.drcc.contract.plan.ReviewKind;
import org.drcc.contract.incident.PhaseWindow;
import org.springframework.core.io.Resource;

/**
 * The DR plan as data: its phases (window, actions, checklist), its roles' responsibilities, its scenarios and the
 * appendix's recovery checklists, from a YAML file an operator may replace.
 */
public final class Plan {

    private static final String ID = "[a-z0-9]+(-[a-z0-9]+)*";

    private final List<PhaseChecklist> phases;
    private final List<Scenario> scenarios;
    private final List<RoleDuties> roles;
    private final List<RecoveryChecklist> recoveryChecklists;
    private final Sla sla;
    private final List<PlanReview> reviews;

    public Plan(List<PhaseChecklist> phases, List<Scenario> scenarios) {
        this(phases, scenarios, List.of(), List.of(), null, List.of());
    }

    public Plan(List<PhaseChecklist> phases, List<Scenario> scenarios, List<PlanReview> reviews) {
        this(phases, scenarios, List.of(), List.of(), null, reviews);
    }

    public Plan(List<PhaseChecklist> phases, List<Scenario> scenarios, List<RoleDuties> roles,
                List<RecoveryChecklist> recoveryChecklists, Sla sla) {
        this(phases, scenarios, roles, recoveryChecklists, sla, List.of());
    }

    public Plan(List<PhaseChecklist> phases, List<Scenario> scenarios, List<RoleDuties> roles,
                List<RecoveryChecklist> recoveryChecklists, Sla sla, List<PlanReview> reviews) {
        this.sla = sla;
        this.roles = roles == null ? List.of() : List.copyOf(roles);
        this.recoveryChecklists = recoveryChecklists == null ? List.of() : List.copyOf(recoveryChecklists);
        List<String> problems = validate(phases, scenarios);
        if (problems.isEmpty()) {
            problems.addAll(validateDuties(phases, scenarios));
        }
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
            return new Plan(plan.phases(), plan.scenarios(), plan.roles(), plan.recoveryChecklists(),
                    plan.sla(), plan.reviews());
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

    /** The plan's SLA, if it states one. */
    public Optional<Sla> sla() {
        return Optional.ofNullable(sla);
    }

    public List<RoleDuties> roles() {
        return roles;
    }

    public List<RecoveryChecklist> recoveryChecklists() {
        return recoveryChecklists;
    }

    /** The phases' time windows, for an incident to keep: only the phases the plan gives a window. */
    public List<PhaseWindow> windows() {
        return phases.stream().filter(p -> p.window() != null)
                .map(p -> new PhaseWindow(p.phase(), p.window().from(), p.window().until())).toList();
    }

    public Optional<Scenario> find(String scenarioId) {
        return scenarios.stream().filter(s -> s.id().equals(scenarioId)).findFirst();
    }

    /** The id of the checklist item the plan marks with {@code deed}, if any. */
    public Optional<String> itemFor(String deed) {
        return phases.stream().flatMap(p -> p.items().stream()).filter(i -> deed.equals(i.deed())).map(PlanItem::id)
                .findFirst();
    }

    /**
     * The checklist an incident of this scenario is run by: each phase's items and actions, the roles'
     * responsibilities, the recovery checklists the scenario belongs to, then the scenario's steps. Only the phases'
     * own items may be mandatory (they are the gates); the rest is the runbook, each item owned by a role.
     */
    public List<ChecklistItem> checklistFor(Scenario scenario) {
        List<ChecklistItem> items = new ArrayList<>();
        for (PhaseChecklist phase : phases) {
            phase.items().forEach(i -> items.add(
                    new ChecklistItem(i.id(), phase.phase(), i.text(), i.isMandatory(), i.owner())));
            phase.actions().forEach(a -> items.add(new ChecklistItem(a.id(), phase.phase(), a.text(), false, a.owner())));
        }
        for (RoleDuties role : roles) {
            role.responsibilities().forEach(d -> items.add(
                    new ChecklistItem(d.id(), d.phase(), d.text(), false, role.role())));
        }
        recoveryChecklists.stream().filter(c -> c.belongsTo(scenario.id())).forEach(c -> c.items().forEach(e ->
                items.add(new ChecklistItem(e.id(), e.phase(), c.name() + ": " + e.text(),
                        Boolean.TRUE.equals(e.mandatory()), e.owner()))));
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
                if (i.id() == null || !i.id().matches(ID) || i.id().startsWith("step-")) {
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
            if (s.id() == null || !s.id().matches(ID)) {
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

    /**
     * Every item id is unique across the phases' items and actions, the roles' responsibilities and the recovery
     * checklists (an incident's checklist holds them side by side); a window ends after it starts; a recovery
     * checklist names only scenarios of the plan.
     */
    private List<String> validateDuties(List<PhaseChecklist> phases, List<Scenario> scenarios) {
        List<String> problems = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        phases.forEach(p -> p.items().forEach(i -> ids.add(i.id())));
        List<String> others = new ArrayList<>();
        phases.forEach(p -> p.actions().forEach(a -> others.add(a.id())));
        roles.forEach(r -> r.responsibilities().forEach(d -> others.add(d.id())));
        recoveryChecklists.forEach(c -> c.items().forEach(e -> others.add(e.id())));
        for (String id : others) {
            if (id == null || !id.matches(ID) || id.startsWith("step-")) {
                problems.add("checklist item id '" + id + "' is not lower-case words joined by '-' (step-N is reserved)");
            } else if (!ids.add(id)) {
                problems.add("checklist item id '" + id + "' appears twice");
            }
        }
        phases.stream().filter(p -> p.window() != null).forEach(p -> {
            Window w = p.window();
            if (w.from() == null || w.from().isNegative() || (w.until() != null && w.until().compareTo(w.from()) <= 0)) {
                problems.add("the window of " + p.phase() + " needs a from of at least PT0S and an until after it");
            }
        });
        if (sla != null && (sla.availability() == null || sla.availability().signum() <= 0
                || sla.availability().compareTo(BigDecimal.valueOf(100)) >= 0)) {
            problems.add("the sla needs an availability in percent, above 0 and below 100");
        }
        Set<String> known = new HashSet<>();
        scenarios.forEach(s -> known.add(s.id()));
        recoveryChecklists.forEach(c -> c.scenarios().stream().filter(id -> !known.contains(id)).forEach(id ->
                problems.add("recovery checklist '" + c.id() + "' names scenario '" + id + "', which the plan lacks")));
        return problems;
    }

    private record PlanFile(List<PhaseChecklist> phases, List<Scenario> scenarios, List<RoleDuties> roles,
                            List<RecoveryChecklist> recoveryChecklists, Sla sla, List<PlanReview> reviews) {
    }
}
