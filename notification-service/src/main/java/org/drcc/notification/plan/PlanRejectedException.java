package org.drcc.notification.plan;

import java.util.List;
import java.util.stream.Collectors;

/** A plan that was refused as a whole: nothing of it was stored or put in force. */
public class PlanRejectedException extends RuntimeException {

    private final transient List<PlanProblem> problems;

    public PlanRejectedException(List<PlanProblem> problems) {
        super(problems.stream().map(p -> p.field() + ": " + p.message()).collect(Collectors.joining("; ")));
        this.problems = List.copyOf(problems);
    }

    public List<PlanProblem> problems() {
        return problems;
    }
}
