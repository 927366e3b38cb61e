package org.drcc.notification.plan;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.drcc.notification.egress.EgressGuard;
import org.drcc.notification.plan.CommunicationPlan.Audience;

/**
 * Where a plan's channel URLs point: each one the egress guard refuses (this machine, link-local, private) is a
 * problem on its {@code target} field, so a plan cannot turn the service into a proxy into its own network.
 */
final class PlanTargets {

    private PlanTargets() {
    }

    static List<PlanProblem> check(CommunicationPlan plan, EgressGuard egress) {
        List<PlanProblem> problems = new ArrayList<>();
        for (int t = 0; t < plan.tiers().size(); t++) {
            audiences(plan.tiers().get(t).audiences(), "tiers[" + t + "].audiences", egress, problems);
        }
        if (plan.escalation() != null) {
            audiences(plan.escalation().audiences(), "escalation.audiences", egress, problems);
        }
        for (int d = 0; d < plan.databases().size(); d++) {
            audiences(plan.databases().get(d).owners(), "databases[" + d + "].owners", egress, problems);
        }
        return problems;
    }

    /** One stakeholder group alone, its fields named as in {@code PUT /api/plan/audiences/{name}}. */
    static List<PlanProblem> check(Audience audience, EgressGuard egress) {
        List<PlanProblem> problems = new ArrayList<>();
        contacts(audience, "", egress, problems);
        return problems;
    }

    private static void audiences(List<Audience> audiences, String at, EgressGuard egress, List<PlanProblem> problems) {
        for (int a = 0; a < audiences.size(); a++) {
            contacts(audiences.get(a), at + "[" + a + "].", egress, problems);
        }
    }

    private static void contacts(Audience audience, String at, EgressGuard egress, List<PlanProblem> problems) {
        for (int c = 0; c < audience.contacts().size(); c++) {
            Contact contact = audience.contacts().get(c);
            if (contact.channel().calledByUrl()) {
                String refusal = egress.refusal(URI.create(contact.target()));
                if (refusal != null) {
                    problems.add(new PlanProblem(at + "contacts[" + c + "].target", refusal));
                }
            }
        }
    }
}
