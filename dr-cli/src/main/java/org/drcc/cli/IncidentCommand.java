package org.drcc.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "incident", mixinStandardHelpOptions = true, description = "Declare and run DR incidents.",
        subcommands = IncidentReportCommand.class)
class IncidentCommand {

    private static final String[] LIST = {"id", "status", "scenario", "severity", "title", "declaredAt"};
    private static final String[] SHOW = {"id", "title", "scenario", "severity", "status", "phase", "allowedNext",
            "rto", "rpo", "detectedAt", "suspectedDamageStart", "declaredAt", "declaredBy", "roles", "restore",
            "validation", "version"};

    @Mixin
    Services services;

    @Mixin
    Output output;

    @Command(name = "declare", mixinStandardHelpOptions = true, description = "Declare an incident for a scenario of the plan.")
    int declare(@Option(names = "--scenario", required = true, description = "e.g. database-corruption") String scenario,
                @Option(names = "--title", required = true) String title,
                @Option(names = "--description") String description,
                @Option(names = "--detected-at", description = "When the failure was detected (ISO instant; default: "
                        + "now). Declared late, after the command centre itself came back, the phase windows and the "
                        + "RTO still count from the detection.") Instant detectedAt,
                @Option(names = "--suspected-start", description = "When the damage began (ISO instant).") Instant suspectedStart,
                @Option(names = "--severity") String severity,
                @Option(names = "--drill", description = "An exercise, not a real incident.") boolean drill) {
        output.fields(services.incidents().postOnce("/api/incidents", Api.body("scenario", scenario, "title", title,
                "description", description, "detectedAt", detectedAt == null ? null : detectedAt.toString(),
                "suspectedDamageStart", suspectedStart == null ? null : suspectedStart.toString(),
                "severity", severity, "drill", drill)), SHOW);
        return 0;
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "The incidents, newest first.")
    int list(@Option(names = "--status") String status, @Option(names = "--scenario") String scenario,
             @Option(names = "--severity") String severity, @Option(names = "--size", defaultValue = "20") int size) {
        output.print(services.incidents().get("/api/incidents",
                query("status", status, "scenario", scenario, "severity", severity, "size", size)), LIST);
        return 0;
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "An incident; --as-of shows it as it was then; "
            + "--checklist adds its checklist and its phase windows (deadline, MET or BREACHED).")
    int show(@Parameters(paramLabel = "ID") String id, @Option(names = "--as-of") Instant asOf,
             @Option(names = "--checklist", description = "Also list its checklist.") boolean checklist) {
        JsonNode incident = services.incidents().get("/api/incidents/" + id, query("asOf", asOf));
        output.fields(incident, SHOW);
        if (checklist && !output.json) {
            output.out.println();
            output.print(incident.get("checklist"), "phase", "id", "owner", "mandatory", "state", "by", "text");
            output.out.println();
            output.print(incident.get("windows"), "phase", "from", "until", "deadline", "state", "decidedAt");
        }
        return 0;
    }

    @Command(name = "checklist", mixinStandardHelpOptions = true, description = "An incident's checklist, your own "
            + "items first (those of the roles the incident gives you, or your token's where it gives them nobody).")
    int checklist(@Parameters(paramLabel = "ID") String id,
                  @Option(names = "--mine", description = "Only your own items.") boolean mine) {
        JsonNode checklist = services.incidents().get("/api/incidents/" + id + "/checklist", query("mine", mine));
        if (!output.json) {
            output.out.printf("%s, your roles: %s%n%n", Output.text(checklist.get("person")), Output.text(checklist.get("roles")));
        }
        output.print(checklist, "mine", "phase", "id", "owner", "mandatory", "state", "text");
        return 0;
    }

    @Command(name = "assess", mixinStandardHelpOptions = true, description = "DECLARED -> ASSESSED.")
    int assess(@Parameters(paramLabel = "ID") String id, @Option(names = "--summary") String summary) {
        return change(id, "assess", Api.body("summary", summary));
    }

    @Command(name = "contain", mixinStandardHelpOptions = true, description = "ASSESSED -> CONTAINED.")
    int contain(@Parameters(paramLabel = "ID") String id, @Option(names = "--summary") String summary) {
        return change(id, "contain", Api.body("summary", summary));
    }

    @Command(name = "restore", mixinStandardHelpOptions = true, description = "CONTAINED -> RESTORED, with the evidence.")
    int restore(@Parameters(paramLabel = "ID") String id,
                @Option(names = "--restore-id", description = "backup-service's restore (dr backup restore): its "
                        + "backup and restore point are the evidence") String restoreId,
                @Option(names = "--backup", description = "Typed instead: manual evidence, vouched for by you") String backupId,
                @Option(names = "--restore-point") Instant restorePoint, @Option(names = "--summary") String summary) {
        return change(id, "restore", Api.body("restoreId", restoreId, "backupId", backupId,
                "restorePoint", restorePoint == null ? null : restorePoint.toString(), "summary", summary));
    }

    @Command(name = "validate", mixinStandardHelpOptions = true, description = "RESTORED -> VALIDATED, or record a failed validation.")
    int validate(@Parameters(paramLabel = "ID") String id, @Option(names = "--failed") boolean failed,
                 @Option(names = "--summary") String summary) {
        return change(id, "validate", Api.body("passed", !failed, "summary", summary));
    }

    @Command(name = "close", mixinStandardHelpOptions = true, description = "VALIDATED -> CLOSED.")
    int close(@Parameters(paramLabel = "ID") String id, @Option(names = "--summary") String summary) {
        return change(id, "close", Api.body("summary", summary));
    }

    @Command(name = "cancel", mixinStandardHelpOptions = true, description = "Cancel a false alarm.")
    int cancel(@Parameters(paramLabel = "ID") String id, @Option(names = "--reason", required = true) String reason) {
        return change(id, "cancel", Api.body("reason", reason));
    }

    @Command(name = "check", mixinStandardHelpOptions = true, description = "Tick a checklist item.")
    int check(@Parameters(paramLabel = "ID") String id, @Parameters(paramLabel = "ITEM") String item,
              @Option(names = "--note") String note) {
        return change(id, "checklist/" + item + "/complete", Api.body("note", note));
    }

    @Command(name = "waive", mixinStandardHelpOptions = true, description = "Waive a mandatory item (the DR lead only).")
    int waive(@Parameters(paramLabel = "ID") String id, @Parameters(paramLabel = "ITEM") String item,
              @Option(names = "--reason", required = true) String reason) {
        return change(id, "checklist/" + item + "/waive", Api.body("reason", reason));
    }

    @Command(name = "assign", mixinStandardHelpOptions = true, description = "Give a role (DR_LEAD, DATABASE_ADMINISTRATOR, DEVOPS, SECURITY, SUPPORT).")
    int assign(@Parameters(paramLabel = "ID") String id, @Parameters(paramLabel = "ROLE") String role,
               @Parameters(paramLabel = "PERSON") String person) {
        output.fields(services.incidents().putOnce("/api/incidents/" + id + "/roles/" + role, Api.body("person", person)), SHOW);
        return 0;
    }

    @Command(name = "note", mixinStandardHelpOptions = true, description = "Add a note (or --status-update) to the timeline.")
    int note(@Parameters(paramLabel = "ID") String id, @Parameters(paramLabel = "TEXT") String text,
             @Option(names = "--status-update") boolean statusUpdate) {
        return change(id, "notes", Api.body("text", text, "statusUpdate", statusUpdate));
    }

    private int change(String id, String action, Map<String, Object> body) {
        output.fields(services.incidents().postOnce("/api/incidents/" + id + "/" + action, body), SHOW);
        return 0;
    }

    static Map<String, Object> query(Object... pairs) {
        return Api.body(pairs);
    }
}
