package org.drcc.console.incident;

import static org.drcc.console.api.ServiceApi.encode;

import jakarta.servlet.http.HttpSession;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.drcc.console.api.ApiRefusal;
import org.drcc.console.api.Service;
import org.drcc.console.api.ServiceApi;
import org.drcc.contract.incident.IncidentRole;
import org.drcc.contract.incident.IncidentStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The incident room: the incident as incident-service shows it (phase, allowed next steps, checklist by phase,
 * roles, timeline newest first), its notifications' deadlines, and for the restore step the newest verified backup
 * of each protected database taken before the suspected start of the damage, and where point-in-time recovery reaches
 * back that far, the instant just before it. {@code /live} is the part the page re-reads when an event of the
 * incident arrives or after an action; {@code /restores} the restores started from the room, re-read on backup
 * events.
 */
@Controller
class RoomController {

    private static final Map<String, String> STEP_LABELS = Map.of("ASSESSED", "Assessed", "CONTAINED", "Contained",
            "RESTORED", "Restored", "VALIDATED", "Validated", "CLOSED", "Close", "CANCELLED", "Cancel (false alarm)");

    private final ServiceApi api;
    private final RoomRestores restores;

    RoomController(ServiceApi api, RoomRestores restores) {
        this.api = api;
        this.restores = restores;
    }

    @GetMapping("/incidents/{id}")
    String room(@PathVariable String id, Model model, HttpSession session) {
        live(id, model);
        restores(id, model, session);
        model.addAttribute("incidentRoles", IncidentRole.values());
        return "room";
    }

    @GetMapping("/incidents/{id}/live")
    String live(@PathVariable String id, Model model) {
        Map<String, Object> incident = api.get(Service.INCIDENT, "/api/incidents/" + encode(id));
        Instant now = Instant.now();
        List<Map<String, Object>> notifications = notifications(id);
        model.addAttribute("incident", incident);
        model.addAttribute("now", now);
        Map<Object, Deadlines> deadlines = notifications == null ? null : Deadlines.of(api, List.of(id));
        model.addAttribute("row", BoardRow.of(incident, deadlines == null ? null : deadlines.get(id), now));
        model.addAttribute("notifications", notifications);
        model.addAttribute("checklist", byPhase(incident.get("checklist")));
        model.addAttribute("timeline", newestFirst(incident.get("timeline")));
        model.addAttribute("steps", incident.get("allowedNext"));
        model.addAttribute("stepLabels", STEP_LABELS);
        if (String.valueOf(incident.get("allowedNext")).contains(IncidentStatus.RESTORED.name())) {
            model.addAttribute("restoreOffers", restoreOffers(incident));
            model.addAttribute("instantOffer", instantOffer(id));
            model.addAttribute("restoreTarget", RoomActions.defaultTarget(id));
        }
        return "room :: live";
    }

    /** The restores started from this room and how each stands; re-read on backup-service's events. */
    @GetMapping("/incidents/{id}/restores")
    String restores(@PathVariable String id, Model model, HttpSession session) {
        model.addAttribute("incidentId", id);
        model.addAttribute("restores", restores.of(session, id));
        return "room :: restores";
    }

    /**
     * With point-in-time recovery, backup-service's offer for the incident: the instant just before the suspected
     * start of the damage (its hold's {@code restorePointOffered}, when a base backup reaches back that far).
     */
    private Map<String, Object> instantOffer(String id) {
        try {
            Object offer = api.get(Service.BACKUP, "/api/holds/" + encode(id)).get("restorePointOffered");
            return offer instanceof Map<?, ?> o && "point-in-time".equals(o.get("kind"))
                    ? Map.of("database", o.get("database"), "toTime", o.get("toTime")) : null;
        } catch (ApiRefusal noHoldYetOrBackupServiceSilent) {
            return null;
        }
    }

    /** Per protected database, the newest verified backup before the suspected start (else the detection). */
    private List<Map<String, Object>> restoreOffers(Map<String, Object> incident) {
        Object before = incident.get("suspectedDamageStart") != null ? incident.get("suspectedDamageStart")
                : incident.get("detectedAt");
        List<Map<String, Object>> offers = new ArrayList<>();
        try {
            for (Map<String, Object> policy : api.list(Service.BACKUP, "/api/policies")) {
                Object database = policy.get("database");
                List<Map<String, Object>> newest = api.list(Service.BACKUP, "/api/backups?verified=true&limit=1&database="
                        + encode(String.valueOf(database)) + "&before=" + encode(String.valueOf(before)));
                if (!newest.isEmpty()) {
                    Map<String, Object> offer = newest.get(0);
                    offer.put("restorePoint", offer.get("snapshotAt") != null ? offer.get("snapshotAt") : offer.get("startedAt"));
                    offers.add(offer);
                }
            }
        } catch (ApiRefusal backupServiceSilent) {
            // the step can still be recorded by hand; the page says no backup is offered
        }
        offers.sort(Comparator.comparing(o -> "foodtruck".equals(o.get("database")) ? 0 : 1));
        return offers;
    }

    private List<Map<String, Object>> notifications(String id) {
        try {
            return api.list(Service.NOTIFICATION, "/api/incidents/" + encode(id) + "/notifications");
        } catch (ApiRefusal notificationServiceSilent) {
            return null;
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, List<Map<String, Object>>> byPhase(Object checklist) {
        Map<String, List<Map<String, Object>>> phases = new LinkedHashMap<>();
        if (checklist instanceof List<?> items) {
            for (Object item : items) {
                Map<String, Object> entry = (Map<String, Object>) item;
                phases.computeIfAbsent(String.valueOf(entry.get("phase")), p -> new ArrayList<>()).add(entry);
            }
        }
        return phases;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> newestFirst(Object timeline) {
        List<Map<String, Object>> entries = timeline instanceof List<?> list
                ? new ArrayList<>((List<Map<String, Object>>) list) : new ArrayList<>();
        java.util.Collections.reverse(entries);
        return entries;
    }
}
