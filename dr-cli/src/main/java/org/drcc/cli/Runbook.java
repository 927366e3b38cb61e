package org.drcc.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A scenario's runbook as one Markdown page, from what the command centre's APIs answer: the scenario (targets,
 * symptoms, recovery steps), its checklist by phase with each phase's window and each item's owner, the roles, and
 * who is told by when (the communication plan's tiers, audiences and contacts, shown as the API shows them: channel and
 * host or address, never a key). It is what the team works from while the command centre itself is down, so it is
 * written to be printed or kept off-site. Written by hand: a page of Markdown from five JSON answers needs no library.
 */
final class Runbook {

    private Runbook() {
    }

    static String markdown(JsonNode scenario, JsonNode phases, JsonNode roles, JsonNode plan, Instant printedAt) {
        StringBuilder md = new StringBuilder();
        String id = scenario.path("id").asText();
        md.append("# DR runbook: ").append(scenario.path("name").asText()).append(" (`").append(id).append("`)\n\n");
        md.append("Printed ").append(printedAt).append(" from the command centre's plan in force. Keep a copy off-site: it is ")
                .append("what the team works from while the command centre itself is down. It names the plan's contacts.\n\n");
        md.append("| Severity | Probability | RTO | RPO | Estimated recovery |\n|---|---|---|---|---|\n");
        md.append("| ").append(text(scenario.path("severity"))).append(" | ").append(text(scenario.path("probability")))
                .append(" | ").append(text(scenario.path("rto"))).append(" | ").append(text(scenario.path("rpo")))
                .append(" | ").append(text(scenario.path("estimatedRecovery"))).append(" |\n\n");
        list(md, "Symptoms", scenario.path("symptoms"), "- ");
        list(md, "Recovery steps", scenario.path("recoverySteps"), "1. ");

        md.append("## Checklist, phase by phase\n\nEach phase's window counts from the detection of the failure.\n\n");
        for (JsonNode phase : phases) {
            String name = phase.path("phase").asText();
            List<JsonNode> items = new ArrayList<>();
            scenario.path("checklist").forEach(i -> {
                if (name.equals(i.path("phase").asText())) {
                    items.add(i);
                }
            });
            md.append("### ").append(name).append(" (").append(window(phase.path("window"))).append(")\n\n");
            if (items.isEmpty()) {
                md.append("No checklist item.\n\n");
                continue;
            }
            for (JsonNode item : items) {
                md.append("- [ ] ").append(item.path("text").asText())
                        .append(item.path("mandatory").asBoolean() ? " **(mandatory)**" : "")
                        .append(" — ").append(owner(item.path("owner"))).append(" (`").append(item.path("id").asText())
                        .append("`)\n");
            }
            md.append('\n');
        }

        md.append("## Roles\n\n");
        for (JsonNode role : roles) {
            md.append("- **").append(role.path("title").asText()).append("** (`").append(role.path("role").asText())
                    .append("`)");
            List<String> duties = new ArrayList<>();
            role.path("responsibilities").forEach(r -> duties.add(r.path("text").asText() + " (" + r.path("phase").asText() + ")"));
            md.append(duties.isEmpty() ? "" : ": " + String.join("; ", duties)).append('\n');
        }
        md.append('\n');

        md.append("## Who is told, by when\n\nEach tier's deadline counts from the detection of the failure, as the "
                + "phases' windows do (from the declaration when no detection time was given): declared late, a tier "
                + "has that much less time.\n\n");
        for (JsonNode tier : plan.path("tiers")) {
            md.append("### ").append(tier.path("id").asText()).append(" (within ").append(tier.path("deadline").asText())
                    .append(")\n\n");
            for (JsonNode audience : tier.path("audiences")) {
                if (!applies(audience.path("scenarios"), id)) {
                    continue;
                }
                md.append("- **").append(audience.path("name").asText()).append("**").append(conditions(audience));
                List<String> contacts = new ArrayList<>();
                audience.path("contacts").forEach(c -> contacts.add(c.path("name").asText() + " ("
                        + c.path("channel").asText() + (c.path("shownAs").asText("").isBlank() ? "" : ": " + c.path("shownAs").asText())
                        + ")"));
                md.append(contacts.isEmpty() ? ": no contact in the plan" : ": " + String.join(", ", contacts)).append('\n');
            }
            md.append('\n');
        }
        JsonNode escalation = plan.path("escalation");
        if (escalation.isObject()) {
            md.append("Escalation: when nobody acknowledged the `").append(escalation.path("tier").asText())
                    .append("` tier's messages within ").append(escalation.path("after").asText()).append(".\n");
        }
        return md.toString();
    }

    private static void list(StringBuilder md, String title, JsonNode values, String bullet) {
        if (!values.isArray() || values.isEmpty()) {
            return;
        }
        md.append("## ").append(title).append("\n\n");
        values.forEach(v -> md.append(bullet).append(v.asText()).append('\n'));
        md.append('\n');
    }

    private static boolean applies(JsonNode scenarios, String scenario) {
        if (!scenarios.isArray() || scenarios.isEmpty()) {
            return true;
        }
        for (JsonNode s : scenarios) {
            if (scenario.equals(s.asText())) {
                return true;
            }
        }
        return false;
    }

    private static String conditions(JsonNode audience) {
        List<String> conditions = new ArrayList<>();
        if (audience.path("severities").isArray() && !audience.path("severities").isEmpty()) {
            List<String> severities = new ArrayList<>();
            audience.path("severities").forEach(s -> severities.add(s.asText()));
            conditions.add("if the severity is " + String.join(" or ", severities));
        }
        if (audience.path("openLongerThan").isTextual()) {
            conditions.add("if the incident is open longer than " + audience.path("openLongerThan").asText());
        }
        return conditions.isEmpty() ? "" : " (" + String.join(", ", conditions) + ")";
    }

    private static String owner(JsonNode owner) {
        return owner.isTextual() ? owner.asText() : "no owner named";
    }

    /** "PT1H to PT4H" from the detection; "ongoing" without a window, "open-ended" without an end. */
    static String window(JsonNode window) {
        if (!window.isObject()) {
            return "ongoing";
        }
        JsonNode until = window.path("until");
        return window.path("from").asText() + " to " + (until.isTextual() ? until.asText() : "open-ended");
    }

    private static String text(JsonNode value) {
        return value.isMissingNode() || value.isNull() ? "-" : value.asText();
    }
}
