package org.drcc.console.incident;

import static org.drcc.console.api.ServiceApi.encode;

import jakarta.servlet.http.HttpSession;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.drcc.console.api.ApiRefusal;
import org.drcc.console.api.Service;
import org.drcc.console.api.ServiceApi;
import org.springframework.stereotype.Component;

/**
 * The restores started from a room, and how each stands as backup-service says it: a dump's restore in its backup's
 * {@code restores}, a restore to an instant at {@code /api/restores/{id}}; with the checks each passed.
 */
@Component
class RoomRestores {

    private static final String KEY = "console.room-restores";

    private final ServiceApi api;

    RoomRestores(ServiceApi api) {
        this.api = api;
    }

    void remember(HttpSession session, StartedRestore restore) {
        synchronized (session) {
            List<StartedRestore> started = new ArrayList<>(started(session));
            started.add(restore);
            session.setAttribute(KEY, List.copyOf(started));
        }
    }

    /** The incident's restores, newest first, each as backup-service reports it now. */
    List<Map<String, Object>> of(HttpSession session, String incidentId) {
        List<Map<String, Object>> states = new ArrayList<>();
        for (StartedRestore r : started(session)) {
            if (r.incidentId().equals(incidentId)) {
                states.add(0, state(r));
            }
        }
        return states;
    }

    /**
     * {@code status} RUNNING, RESTORED or FAILED ({@code failure}); once restored, what was checked: to an instant,
     * the instant reached and the tables and rows counted in both; a dump, the copy read (with its SHA-256) and the
     * backup's verification by restore against its manifest.
     */
    private Map<String, Object> state(StartedRestore r) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("restore", r);
        try {
            Map<String, Object> restore;
            if (r.pointInTime()) {
                restore = api.get(Service.BACKUP, "/api/restores/" + encode(r.restoreId()));
            } else {
                Map<String, Object> backup = api.get(Service.BACKUP, "/api/backups/" + encode(r.backupId()));
                restore = restores(backup).stream().filter(x -> Objects.equals(r.restoreId(), x.get("restoreId")))
                        .findFirst().orElse(Map.of("status", "RUNNING"));
                state.put("backup", backup);
            }
            state.putAll(restore);
        } catch (ApiRefusal backupServiceSilent) {
            state.put("status", "UNKNOWN");
            state.put("failure", backupServiceSilent.detail());
        }
        state.put("restore", r);
        return state;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> restores(Map<String, Object> backup) {
        return backup.get("restores") instanceof List<?> list ? (List<Map<String, Object>>) list : List.of();
    }

    @SuppressWarnings("unchecked")
    private static List<StartedRestore> started(HttpSession session) {
        Object started = session.getAttribute(KEY);
        return started instanceof List<?> list ? (List<StartedRestore>) list : List.of();
    }
}
