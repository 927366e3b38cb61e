package org.drcc.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "plan", mixinStandardHelpOptions = true,
        description = "The recovery plan as incident-service runs it: phases, roles, recovery checklists, and a check.")
class PlanCommand {

    @Mixin
    Services services;

    @Mixin
    Output output;

    @Command(name = "check", mixinStandardHelpOptions = true, description = "The contradictions in the plan's data: an "
            + "SLA one incident at a scenario's RTO breaks, a phase window ending after an RTO, an estimate beyond an RTO. "
            + "Exits 7 when it finds any, so a pipeline that changes the plan can stop on them.")
    int check() {
        JsonNode check = services.incidents().get("/api/plan/check", Map.of());
        if (!output.json && check.path("consistent").asBoolean()) {
            output.out.println("The plan's data contradicts nothing checked.");
            return 0;
        }
        int exit = check.path("consistent").asBoolean() ? 0 : CliException.PLAN_CONTRADICTED;
        if (output.json) {
            output.out.println(check.toPrettyString());
            return exit;
        }
        // one line each, whole: the message is the finding, a table would cut it
        for (JsonNode finding : check.get("contradictions")) {
            output.out.printf("%-20s %-30s %s%n", finding.get("rule").asText(), finding.get("subject").asText(),
                    finding.get("message").asText());
        }
        return exit;
    }

    @Command(name = "phases", mixinStandardHelpOptions = true, description = "Each phase's time window and listed actions, with the role owning each.")
    int phases() {
        JsonNode phases = services.incidents().get("/api/plan/phases", Map.of());
        if (output.json) {
            output.out.println(phases.toPrettyString());
            return 0;
        }
        for (JsonNode phase : phases) {
            output.out.printf("%s  %s%n", phase.get("phase").asText(), window(phase.path("window")));
            output.print(phase.get("actions"), "id", "owner", "name", "steps");
            output.out.println();
        }
        return 0;
    }

    /** "PT1H to PT4H" from the detection; "ongoing" without a window, "open-ended" without an end. */
    private static String window(JsonNode window) {
        if (!window.isObject()) {
            return "ongoing";
        }
        JsonNode until = window.path("until");
        return window.path("from").asText() + " to " + (until.isTextual() ? until.asText() : "open-ended");
    }

    @Command(name = "roles", mixinStandardHelpOptions = true, description = "The roles and their responsibilities, each in its phase.")
    int roles() {
        JsonNode roles = services.incidents().get("/api/plan/roles", Map.of());
        if (output.json) {
            output.out.println(roles.toPrettyString());
            return 0;
        }
        for (JsonNode role : roles) {
            output.out.printf("%s (%s)%n", role.get("title").asText(), role.get("role").asText());
            output.print(role.get("responsibilities"), "id", "phase", "text");
            output.out.println();
        }
        return 0;
    }
}
