package org.drcc.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "plan", mixinStandardHelpOptions = true,
        description = "The recovery plan as incident-service runs it: phases, roles, recovery checklists, a check, and a "
                + "scenario's runbook to keep off-site.")
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
            output.out.printf("%s  %s%n", phase.get("phase").asText(), Runbook.window(phase.path("window")));
            output.print(phase.get("actions"), "id", "owner", "name", "steps");
            output.out.println();
        }
        return 0;
    }

    @Command(name = "runbook", mixinStandardHelpOptions = true, description = "A scenario's runbook as one Markdown "
            + "page: its targets, symptoms and recovery steps, its checklist phase by phase with each item's owner, the "
            + "roles, and who is told by when (the communication plan's contacts as the API shows them). Print it or keep "
            + "it off-site: it is what the team works from while the command centre itself is down.")
    int runbook(@Option(names = "--scenario", required = true, description = "e.g. regional-disaster") String scenario,
                @Option(names = {"-o", "--output"}, description = "the file to write (default: print it)") Path file)
            throws IOException {
        if (!scenario.matches("[a-z0-9-]{1,100}")) {
            throw new CliException(CliException.USAGE, "--scenario: a scenario id of the plan, such as regional-disaster");
        }
        Api incidents = services.incidents();
        String page = Runbook.markdown(incidents.get("/api/scenarios/" + scenario, Map.of()),
                incidents.get("/api/plan/phases", Map.of()), incidents.get("/api/plan/roles", Map.of()),
                services.notifications().get("/api/plan", Map.of()), Instant.now());
        if (file == null) {
            output.out.print(page);
            return 0;
        }
        // whole or not at all: a runbook cut short by a full disk must not pass for the plan
        Path part = file.resolveSibling(file.getFileName() + ".part");
        try {
            Files.writeString(part, page, StandardCharsets.UTF_8);
            Files.move(part, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            Files.deleteIfExists(part);
            throw new CliException(CliException.USAGE, "cannot write " + file + ": " + e.getMessage());
        }
        output.out.printf("The runbook of %s written to %s (%d bytes): keep a copy off-site.%n", scenario, file,
                page.getBytes(StandardCharsets.UTF_8).length);
        return 0;
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
