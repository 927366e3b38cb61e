package org.drcc.incident.plan;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.drcc.contract.incident.Phase;

/**
 * The contradictions in the plan's own data: targets that cannot all hold. Pure rules over the plan, run at start
 * (logged) and on request ({@code GET /api/plan/check}, {@code dr plan check}).
 */
public final class PlanCheck {

    /** The phases an incident goes through before it is restored: their windows count against the RTO. */
    private static final Set<Phase> BEFORE_RESTORED = Set.of(Phase.ASSESSMENT, Phase.CONTAINMENT, Phase.RECOVERY);
    /** "1-2 hours", "30 minutes - 2 hours", "4-8 hours": the plan's estimated recovery, read for its upper bound. */
    private static final Pattern RANGE = Pattern.compile(
            "\\s*(\\d+)\\s*(minutes?|hours?)?\\s*-\\s*(\\d+)\\s*(minutes?|hours?)\\s*");

    private PlanCheck() {
    }

    /** One contradiction: the rule it breaks, what it concerns (a scenario, a phase, the SLA) and why. */
    public record Finding(String rule, String subject, String message) {
    }

    public static List<Finding> check(Plan plan) {
        List<Finding> findings = new ArrayList<>();
        plan.sla().ifPresent(sla -> findings.addAll(sla(sla, plan.scenarios())));
        for (Scenario s : plan.scenarios()) {
            findings.addAll(windows(s, plan.phases()));
            estimatedRecovery(s).ifPresent(findings::add);
        }
        return findings;
    }

    /** The SLA's stated downtime against its availability, and one incident at a scenario's RTO against both. */
    static List<Finding> sla(Sla sla, List<Scenario> scenarios) {
        List<Finding> findings = new ArrayList<>();
        Duration allowed = sla.allowedDowntime();
        if (sla.maxDowntime() != null && sla.maxDowntime().minus(allowed).abs().compareTo(Duration.ofSeconds(30)) > 0) {
            findings.add(new Finding("sla-downtime", "sla", "an availability of " + sla.availability() + " % allows "
                    + human(allowed) + " of downtime a year, not the " + human(sla.maxDowntime()) + " the plan states"));
        }
        for (Scenario s : scenarios) {
            if (s.rto().compareTo(allowed) > 0) {
                findings.add(new Finding("sla-rto", s.id(), "one incident recovered at its RTO of " + human(s.rto())
                        + " is " + s.rto().toSeconds() / Math.max(1, allowed.toSeconds()) + " times the "
                        + human(allowed) + " of downtime a year that the SLA of " + sla.availability()
                        + " % allows: a single such incident breaks the SLA"));
            }
        }
        return findings;
    }

    /** A window of a phase before the restore that ends after the scenario's RTO cannot be kept and the RTO met. */
    static List<Finding> windows(Scenario s, List<PhaseChecklist> phases) {
        List<Finding> findings = new ArrayList<>();
        for (PhaseChecklist p : phases) {
            if (BEFORE_RESTORED.contains(p.phase()) && p.window() != null && p.window().until() != null
                    && p.window().until().compareTo(s.rto()) > 0) {
                findings.add(new Finding("window-after-rto", s.id(), "the " + p.phase() + " window ends "
                        + human(p.window().until()) + " after detection, after the RTO of " + human(s.rto())
                        + ": an incident that uses its window misses the RTO"));
            }
        }
        return findings;
    }

    /** An estimated recovery whose upper bound exceeds the RTO; an estimate that cannot be read is named too. */
    static Optional<Finding> estimatedRecovery(Scenario s) {
        if (s.estimatedRecovery() == null) {
            return Optional.empty();
        }
        Matcher m = RANGE.matcher(s.estimatedRecovery());
        if (!m.matches()) {
            return Optional.of(new Finding("estimate-unreadable", s.id(), "the estimated recovery '"
                    + s.estimatedRecovery() + "' is not a range such as '1-2 hours' or '30 minutes - 2 hours'"));
        }
        Duration upper = duration(Long.parseLong(m.group(3)), m.group(4));
        if (upper.compareTo(s.rto()) > 0) {
            return Optional.of(new Finding("estimate-after-rto", s.id(), "the estimated recovery of "
                    + s.estimatedRecovery() + " may take up to " + human(upper) + ", longer than the RTO of "
                    + human(s.rto())));
        }
        return Optional.empty();
    }

    private static Duration duration(long amount, String unit) {
        return unit.startsWith("minute") ? Duration.ofMinutes(amount) : Duration.ofHours(amount);
    }

    static String human(Duration d) {
        long s = d.toSeconds();
        if (s % 3600 == 0) {
            return s / 3600 + " h";
        }
        return s >= 3600 ? s / 3600 + " h " + (s % 3600) / 60 + " min" : s / 60 + " min " + s % 60 + " s";
    }
}
