package org.drcc.console.incident;

import static org.drcc.console.api.ServiceApi.encode;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.LinkedHashMap;
import java.util.Map;
import org.drcc.console.api.ApiRefusal;
import org.drcc.console.api.Service;
import org.drcc.console.api.ServiceApi;
import org.drcc.console.page.Feedback;
import org.drcc.contract.incident.IncidentStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Every button of the incident room is one call to a service with the signed-in person's token. The answer is the
 * room's alert region: what was done (and the header {@code HX-Trigger: refresh}, on which the room re-reads its
 * live part), or the service's refusal with its reason (see {@code PageAdvice}).
 */
@Controller
@RequestMapping("/incidents/{id}")
class RoomActions {

    /** The offer of an instant (point-in-time recovery) in the restore step's choice: {@code instant@<database>@<instant>}. */
    static final String INSTANT = "instant";

    private final ServiceApi api;
    private final RoomRestores restores;

    RoomActions(ServiceApi api, RoomRestores restores) {
        this.api = api;
        this.restores = restores;
    }

    /** A step to the next state; the restore step with a backup-service restore or the offered backup. */
    @PostMapping("/step/{next}")
    String step(@PathVariable String id, @PathVariable IncidentStatus next,
                @RequestParam(required = false) String summary, @RequestParam(required = false) String backup,
                @RequestParam(required = false) String restoreId, @RequestParam(defaultValue = "true") boolean passed,
                HttpServletResponse response, Model model) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put(next == IncidentStatus.CANCELLED ? "reason" : "summary", StringUtils.hasText(summary) ? summary : null);
        String path = switch (next) {
            case ASSESSED -> "assess";
            case CONTAINED -> "contain";
            case RESTORED -> {
                if (StringUtils.hasText(restoreId)) {
                    body.put("restoreId", restoreId.strip());
                } else if (StringUtils.hasText(backup) && backup.startsWith(INSTANT + "@")) {
                    throw new ApiRefusal(400, "Restore the instant first", "An instant is not a backup to vouch for: "
                            + "restore it (Restore now), and once it is restored record the step with its restore.");
                } else if (StringUtils.hasText(backup)) {
                    // "<backup id>@<restore point>": the offered backup, recorded as vouched for by the caller
                    String[] offered = backup.split("@", 2);
                    body.put("backupId", offered[0]);
                    body.put("restorePoint", offered.length > 1 ? offered[1] : null);
                }
                yield "restore";
            }
            case VALIDATED -> {
                body.put("passed", passed);
                yield "validate";
            }
            case CLOSED -> "close";
            case CANCELLED -> "cancel";
            case DECLARED -> throw new ApiRefusal(400, "Not a step", "An incident is declared once, from the board.");
        };
        api.post(Service.INCIDENT, "/api/incidents/" + encode(id) + "/" + path, body);
        return Feedback.done(response, model, next == IncidentStatus.VALIDATED && !passed ? "Failed validation recorded."
                : "Now " + next.name().toLowerCase() + ".");
    }

    @PostMapping("/checklist/{item}/tick")
    String tick(@PathVariable String id, @PathVariable String item, @RequestParam(required = false) String note,
                HttpServletResponse response, Model model) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("note", StringUtils.hasText(note) ? note : null);
        api.post(Service.INCIDENT, "/api/incidents/" + encode(id) + "/checklist/" + encode(item) + "/complete", body);
        return Feedback.done(response, model, "Ticked " + item + ".");
    }

    @PostMapping("/checklist/waive")
    String waive(@PathVariable String id, @RequestParam String item, @RequestParam(defaultValue = "") String reason,
                 HttpServletResponse response, Model model) {
        api.post(Service.INCIDENT, "/api/incidents/" + encode(id) + "/checklist/" + encode(item) + "/waive",
                Map.of("reason", reason));
        return Feedback.done(response, model, "Waived " + item + ".");
    }

    @PostMapping("/roles")
    String assign(@PathVariable String id, @RequestParam String role, @RequestParam(defaultValue = "") String person,
                  HttpServletResponse response, Model model) {
        api.put(Service.INCIDENT, "/api/incidents/" + encode(id) + "/roles/" + encode(role), Map.of("person", person));
        return Feedback.done(response, model, role + " is " + person + ".");
    }

    /** Internal: a note on the incident's timeline. Public: an update published on the status page. */
    @PostMapping("/notes")
    String note(@PathVariable String id, @RequestParam(defaultValue = "") String text,
                @RequestParam(defaultValue = "internal") String visibility, HttpServletResponse response, Model model) {
        if ("public".equals(visibility)) {
            api.post(Service.NOTIFICATION, "/api/status/incidents/" + encode(id) + "/updates", Map.of("text", text));
            return Feedback.done(response, model, "Published on the status page.");
        }
        api.post(Service.INCIDENT, "/api/incidents/" + encode(id) + "/notes", Map.of("text", text, "statusUpdate", false));
        return Feedback.done(response, model, "Note added.");
    }

    /**
     * Starts the chosen offer's restore into a new database through backup-service: the offered verified backup
     * ({@code <backup id>@<restore point>}) or, point-in-time recovery, {@code instant@<database>@<instant>}. The room
     * then follows it (see {@code RoomRestores}); once restored, its id records the step as linked evidence.
     */
    @PostMapping("/restore-run")
    String restore(@PathVariable String id, @RequestParam(required = false) String backup,
                   @RequestParam(required = false) String targetDatabase, HttpSession session,
                   HttpServletResponse response, Model model) {
        if (!StringUtils.hasText(backup)) {
            throw new ApiRefusal(400, "Nothing to restore", "Choose the offered backup or instant to restore.");
        }
        String[] offer = backup.split("@", 3);
        boolean instant = offer[0].equals(INSTANT) && offer.length == 3;
        String database = instant ? offer[1] : null;
        String target = StringUtils.hasText(targetDatabase) ? targetDatabase.strip()
                : defaultTarget(id);
        Map<String, Object> accepted;
        StartedRestore started;
        if (instant) {
            accepted = api.post(Service.BACKUP, "/api/restores",
                    Map.of("database", database, "toTime", offer[2], "targetDatabase", target));
            started = new StartedRestore(id, str(accepted.get("restoreId")), database, null, offer[2], target);
        } else {
            accepted = api.post(Service.BACKUP, "/api/backups/" + encode(offer[0]) + "/restore",
                    Map.of("targetDatabase", target, "confirmOverwrite", false));
            started = new StartedRestore(id, str(accepted.get("restoreId")), null, offer[0], null, target);
        }
        restores.remember(session, started);
        return Feedback.done(response, model, "Restore " + started.restoreId() + " started into " + target
                + ": it is followed below; once restored, record the step with it.");
    }

    /** The new database a restore from the room goes into unless the person names one: restored_ and the incident's id. */
    static String defaultTarget(String incidentId) {
        String id = incidentId.replaceAll("[^a-z0-9]", "");
        return "restored_" + id.substring(0, Math.min(8, id.length()));
    }

    private static String str(Object value) {
        return value == null ? null : value.toString();
    }
}
