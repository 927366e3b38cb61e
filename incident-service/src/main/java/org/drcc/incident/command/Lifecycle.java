package org.drcc.incident.command;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.drcc.contract.incident.IncidentAssessedEvent;
import org.drcc.contract.incident.IncidentCancelledEvent;
import org.drcc.contract.incident.IncidentClosedEvent;
import org.drcc.contract.incident.IncidentContainedEvent;
import org.drcc.contract.incident.IncidentDeclaredEvent;
import org.drcc.contract.incident.IncidentEvent;
import org.drcc.contract.incident.IncidentRestoredEvent;
import org.drcc.contract.incident.IncidentStatus;
import org.drcc.contract.incident.IncidentValidatedEvent;
import org.drcc.contract.incident.Phase;

/** The plan's order of an incident's states, and the phases that must be complete to enter each. */
public final class Lifecycle {

    private static final Map<IncidentStatus, List<IncidentStatus>> NEXT = Map.of(
            IncidentStatus.DECLARED, List.of(IncidentStatus.ASSESSED, IncidentStatus.CANCELLED),
            IncidentStatus.ASSESSED, List.of(IncidentStatus.CONTAINED, IncidentStatus.CANCELLED),
            IncidentStatus.CONTAINED, List.of(IncidentStatus.RESTORED, IncidentStatus.CANCELLED),
            IncidentStatus.RESTORED, List.of(IncidentStatus.VALIDATED),
            IncidentStatus.VALIDATED, List.of(IncidentStatus.CLOSED),
            IncidentStatus.CLOSED, List.of(),
            IncidentStatus.CANCELLED, List.of());

    private static final Map<IncidentStatus, Set<Phase>> GATES = Map.of(
            IncidentStatus.ASSESSED, EnumSet.of(Phase.ASSESSMENT),
            IncidentStatus.CONTAINED, EnumSet.of(Phase.CONTAINMENT),
            IncidentStatus.RESTORED, EnumSet.of(Phase.RECOVERY),
            IncidentStatus.VALIDATED, EnumSet.of(Phase.VALIDATION),
            IncidentStatus.CLOSED, EnumSet.of(Phase.COMMUNICATION, Phase.POST_RECOVERY));

    /** The phase an incident in each state is in; none once it is closed or cancelled. */
    private static final Map<IncidentStatus, Phase> PHASE = Map.of(
            IncidentStatus.DECLARED, Phase.ASSESSMENT,
            IncidentStatus.ASSESSED, Phase.CONTAINMENT,
            IncidentStatus.CONTAINED, Phase.RECOVERY,
            IncidentStatus.RESTORED, Phase.VALIDATION,
            IncidentStatus.VALIDATED, Phase.POST_RECOVERY);

    /** The events that move an incident, each to its state (the contract's events are records: final classes). */
    private static final Map<Class<? extends IncidentEvent>, IncidentStatus> STATUS_AFTER = Map.of(
            IncidentDeclaredEvent.class, IncidentStatus.DECLARED,
            IncidentAssessedEvent.class, IncidentStatus.ASSESSED,
            IncidentContainedEvent.class, IncidentStatus.CONTAINED,
            IncidentRestoredEvent.class, IncidentStatus.RESTORED,
            IncidentValidatedEvent.class, IncidentStatus.VALIDATED,
            IncidentClosedEvent.class, IncidentStatus.CLOSED,
            IncidentCancelledEvent.class, IncidentStatus.CANCELLED);

    private Lifecycle() {
    }

    /** The phase an incident in {@code status} is in; null when it is closed or cancelled. */
    public static Phase phaseOf(IncidentStatus status) {
        return PHASE.get(status);
    }

    public static List<IncidentStatus> allowedNext(IncidentStatus current) {
        return NEXT.get(current);
    }

    /** Refuses a move the plan does not allow, naming the current state and the allowed next steps. */
    static void requireMove(IncidentStatus current, IncidentStatus target) {
        List<IncidentStatus> allowed = NEXT.get(current);
        Rules.require(allowed.contains(target), "the incident is " + current + " and cannot become " + target + "; "
                + (allowed.isEmpty() ? "it is final" : "allowed next: " + allowed));
    }

    /** Open: something can still change (neither closed nor cancelled). */
    public static boolean isOpen(IncidentStatus current) {
        return !NEXT.get(current).isEmpty();
    }

    static void requireOpen(IncidentStatus current) {
        Rules.require(isOpen(current), "the incident is " + current + ": nothing can change any more");
    }

    /** The state an incident is in after a lifecycle event; empty for events that do not move it. */
    public static Optional<IncidentStatus> statusAfter(IncidentEvent event) {
        return statusAfter(event.getClass());
    }

    /** The same by the event's type alone, for a reader that does not read the event into its class. */
    public static Optional<IncidentStatus> statusAfter(Class<?> eventType) {
        return Optional.ofNullable(STATUS_AFTER.get(eventType));
    }

    static Set<Phase> gate(IncidentStatus target) {
        return GATES.getOrDefault(target, EnumSet.noneOf(Phase.class));
    }
}
