package org.drcc.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "drill", mixinStandardHelpOptions = true,
        description = "DR drills on scratch copies of the protected database: run one, the test schedule, results.")
class DrillCommand {

    private static final String[] LIST = {"drillId", "scenario", "status", "startedAt", "rto", "rtoTarget", "rpo",
            "rpoTarget", "reason"};
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);

    @Mixin
    Services services;

    @Mixin
    Output output;

    @Command(name = "run", mixinStandardHelpOptions = true,
            description = "Run a drill of SCENARIO and follow it step by step; exit 5 when it fails.")
    int run(@Parameters(paramLabel = "SCENARIO", description = "database-corruption, accidental-data-deletion, "
                    + "ransomware-attack, data-center-failure, regional-disaster (on scratch copies of the database), "
                    + "application-code-corruption or application-failover (on the running application)") String scenario,
            @Option(names = "--timeout", defaultValue = "PT30M", description = "Stop following after this long (default: ${DEFAULT-VALUE}).")
            Duration timeout) throws InterruptedException {
        Api backups = services.backups();
        JsonNode started = backups.postOnce("/api/drills", Api.body("scenario", scenario));
        String id = started.get("drill").get("drillId").asText();
        if (!output.json) {
            output.out.printf(scenario.startsWith("application-")
                            ? "Drill %s of %s started: on the running application, whose database %s it only reads%n"
                            : "Drill %s of %s started: scratch copies of %s only%n", id, scenario,
                    started.get("drill").get("database").asText());
        }
        int shown = 0;
        Instant deadline = Instant.now().plus(timeout);
        JsonNode view = started;
        while (true) {
            for (; shown < view.get("steps").size(); shown++) {
                printStep(view.get("steps").get(shown));
            }
            if (!"RUNNING".equals(view.get("drill").get("status").asText())) {
                break;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new CliException(CliException.DRILL_FAILED, "drill " + id + " still running after " + timeout
                        + "; follow it with: dr drill results " + id);
            }
            Thread.sleep(500);
            view = backups.get("/api/drills/" + id, Map.of());
        }
        return finish(view);
    }

    @Command(name = "schedule", mixinStandardHelpOptions = true, description = "The plan's test schedule and the next runs.")
    int schedule() {
        JsonNode tests = services.backups().get("/api/drills/schedule", Map.of());
        if (output.json) {
            output.out.println(tests.toPrettyString());
            return 0;
        }
        output.out.printf("%-28s %-20s %-22s %-22s %s%n", "name", "kind", "cron", "next run", "scenarios");
        for (JsonNode t : tests) {
            JsonNode next = t.get("nextRuns");
            output.out.printf("%-28s %-20s %-22s %-22s %s%n", t.get("name").asText(), t.get("kind").asText(),
                    t.get("cron").asText(), next.isEmpty() ? "-" : next.get(0).asText(),
                    t.get("scenarios").isEmpty() ? "-" : String.join(", ", texts(t.get("scenarios"))));
            if (!t.get("enabled").asBoolean()) {
                output.out.println("  (scheduling is off on this instance)");
            }
        }
        return 0;
    }

    @Command(name = "results", mixinStandardHelpOptions = true,
            description = "The drills, newest first; with an ID, that drill's Markdown report.")
    int results(@Parameters(paramLabel = "ID", arity = "0..1") String id,
                @Option(names = "--limit", defaultValue = "20") int limit) {
        Api backups = services.backups();
        if (id == null) {
            output.print(backups.get("/api/drills", IncidentCommand.query("limit", limit)), LIST);
            return 0;
        }
        if (output.json) {
            output.out.println(backups.get("/api/drills/" + id, Map.of()).toPrettyString());
            return 0;
        }
        output.out.print(backups.text("/api/drills/" + id + "/report"));
        return 0;
    }

    private void printStep(JsonNode step) {
        if (output.json) {
            return;
        }
        boolean ok = "OK".equals(step.get("outcome").asText());
        output.out.printf("[%s] %s %-36s %s%n", CLOCK.format(Instant.parse(step.get("endedAt").asText())),
                ok ? "ok    " : "FAILED", step.get("step").asText(), Output.text(step.get("detail")));
    }

    private int finish(JsonNode view) {
        JsonNode d = view.get("drill");
        boolean passed = "PASSED".equals(d.get("status").asText());
        if (output.json) {
            output.out.println(view.toPrettyString());
        } else {
            output.out.println();
            String scenario = d.get("scenario").asText();
            if (scenario.startsWith("application-")) {
                // time to detect and time to roll back are in the steps above and in the report
                output.out.printf("%-30s %-12s target %-8s %s%n", "application-failover".equals(scenario)
                                ? "Failover (stopped -> served)" : "RTO (bad release -> validated)",
                        human(d.get("rto")), human(d.get("rtoTarget")), met(d.get("rto"), d.get("rtoTarget")));
            } else {
                output.out.printf("RTO (declared -> restored)     %-12s target %-8s %s%n", human(d.get("rto")),
                        human(d.get("rtoTarget")), met(d.get("rto"), d.get("rtoTarget")));
                output.out.printf("RPO (damage -> restore point)  %-12s target %-8s %s%n", human(d.get("rpo")),
                        human(d.get("rpoTarget")), met(d.get("rpo"), d.get("rpoTarget")));
                if (d.hasNonNull("incidentId")) {
                    output.out.printf("Incident %s (a drill)%n", d.get("incidentId").asText());
                } else {
                    output.out.println("No incident: this drill exercises the repair only");
                }
            }
            output.out.printf("Report: dr drill results %s%n", d.get("drillId").asText());
            output.out.println(passed ? "PASSED" : "FAILED: " + Output.text(d.get("reason")));
        }
        if (!passed) {
            throw new CliException(CliException.DRILL_FAILED, "drill " + d.get("drillId").asText() + " failed: "
                    + Output.text(d.get("reason")));
        }
        return 0;
    }

    private static java.util.List<String> texts(JsonNode array) {
        java.util.List<String> list = new java.util.ArrayList<>();
        array.forEach(n -> list.add(n.asText()));
        return list;
    }

    private static String human(JsonNode duration) {
        if (duration == null || duration.isNull()) {
            return "-";
        }
        Duration d = Duration.parse(duration.asText());
        return d.toHours() > 0 ? d.toHours() + "h " + d.toMinutesPart() + "m"
                : d.toMinutes() > 0 ? d.toMinutes() + "m " + d.toSecondsPart() + "s"
                : d.toSeconds() > 0 ? d.toSecondsPart() + "s" : d.toMillis() + "ms";
    }

    private static String met(JsonNode measured, JsonNode target) {
        if (target == null || target.isNull()) {
            return "(no target)";
        }
        if (measured == null || measured.isNull()) {
            return "not measured";
        }
        return Duration.parse(measured.asText()).compareTo(Duration.parse(target.asText())) <= 0 ? "met" : "MISSED";
    }
}
