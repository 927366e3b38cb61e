package org.drcc.notification.plan;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.drcc.notification.plan.CommunicationPlan.Audience;

/**
 * What a plan must hold beyond the shape of each field. Messages are owed per (audience, contact) and
 * the channel finds its contact by those names, so both must be unambiguous; an escalation must watch
 * a tier that exists.
 */
final class PlanRules {

    private PlanRules() {
    }

    static List<PlanProblem> check(CommunicationPlan plan) {
        List<PlanProblem> problems = new ArrayList<>();
        Set<String> tierIds = new HashSet<>();
        Map<String, List<Contact>> audienceNames = new HashMap<>();
        for (int t = 0; t < plan.tiers().size(); t++) {
            CommunicationPlan.Tier tier = plan.tiers().get(t);
            if (!tierIds.add(tier.id())) {
                problems.add(new PlanProblem("tiers[" + t + "].id", "tier '" + tier.id() + "' is already defined"));
            }
            if (tier.deadline() != null && (tier.deadline().isNegative() || tier.deadline().isZero())) {
                problems.add(new PlanProblem("tiers[" + t + "].deadline", "must be positive, e.g. PT15M"));
            }
            for (int a = 0; a < tier.audiences().size(); a++) {
                Audience audience = tier.audiences().get(a);
                String at = "tiers[" + t + "].audiences[" + a + "]";
                if (audienceNames.putIfAbsent(audience.name(), audience.contacts()) != null) {
                    problems.add(new PlanProblem(at + ".name", "audience '" + audience.name()
                            + "' is already in a tier; an audience belongs to one tier"));
                }
                contacts(audience, at, problems);
            }
        }
        if (plan.escalation() != null) {
            if (!tierIds.contains(plan.escalation().tier())) {
                problems.add(new PlanProblem("escalation.tier", "'" + plan.escalation().tier()
                        + "' is not a tier of the plan (" + String.join(", ", tierIds) + ")"));
            }
            for (int a = 0; a < plan.escalation().audiences().size(); a++) {
                elsewhere(plan.escalation().audiences().get(a), "escalation.audiences[" + a + "]", audienceNames,
                        problems);
            }
        }
        Set<String> databases = new HashSet<>();
        for (int d = 0; d < plan.databases().size(); d++) {
            CommunicationPlan.DatabaseOwners owners = plan.databases().get(d);
            if (!databases.add(owners.database())) {
                problems.add(new PlanProblem("databases[" + d + "].database", "database '" + owners.database()
                        + "' is already listed"));
            }
            for (int a = 0; a < owners.owners().size(); a++) {
                elsewhere(owners.owners().get(a), "databases[" + d + "].owners[" + a + "]", audienceNames, problems);
            }
        }
        for (int a = 0; a < plan.planOwners().size(); a++) {
            elsewhere(plan.planOwners().get(a), "planOwners[" + a + "]", audienceNames, problems);
        }
        return problems;
    }

    /** A channel finds its contact by audience name: one name, one set of contacts, wherever it is used. */
    private static void elsewhere(Audience audience, String at, Map<String, List<Contact>> seen,
                                  List<PlanProblem> problems) {
        List<Contact> before = seen.putIfAbsent(audience.name(), audience.contacts());
        if (before != null && !before.equals(audience.contacts())) {
            problems.add(new PlanProblem(at + ".name", "audience '" + audience.name()
                    + "' is defined elsewhere in the plan with other contacts; give it another name"));
        }
        contacts(audience, at, problems);
    }

    private static void contacts(Audience audience, String at, List<PlanProblem> problems) {
        // the extended-outage rule: an outage that lasts longer than nothing is every outage, told at once
        if (audience.openLongerThan() != null
                && (audience.openLongerThan().isNegative() || audience.openLongerThan().isZero())) {
            problems.add(new PlanProblem(at + ".openLongerThan", "must be positive, e.g. PT1H (an audience told of "
                    + "every incident at once needs no openLongerThan)"));
        }
        Set<String> names = new HashSet<>();
        for (int c = 0; c < audience.contacts().size(); c++) {
            Contact contact = audience.contacts().get(c);
            if (!names.add(contact.name())) {
                problems.add(new PlanProblem(at + ".contacts[" + c + "].name", "contact '" + contact.name()
                        + "' is already a contact of " + audience.name()));
            }
        }
    }
}
