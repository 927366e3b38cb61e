package org.drcc.console.incident;

import static org.drcc.console.api.ServiceApi.encode;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.drcc.console.api.ApiRefusal;
import org.drcc.console.api.Service;
import org.drcc.console.api.ServiceApi;

/**
 * The communication plan's deadlines of one incident as notification-service counts them: met, breached, and still
 * due (with the nearest).
 */
public record Deadlines(int due, int met, int breached, Instant nextDue) {

    /** notification-service's largest question: as many incidents as a page of the incident list holds. */
    private static final int ASKED = 200;

    /**
     * The deadlines of each of these incidents, a question to notification-service per 200 of them; {@code null}
     * when it does not answer (the board and the room say so rather than show none due).
     */
    static Map<Object, Deadlines> of(ServiceApi api, Collection<?> incidentIds) {
        List<?> ids = List.copyOf(incidentIds);
        Map<Object, Deadlines> deadlines = new HashMap<>();
        try {
            for (int from = 0; from < ids.size(); from += ASKED) {
                String asked = ids.subList(from, Math.min(ids.size(), from + ASKED)).stream()
                        .map(id -> "incident=" + encode(String.valueOf(id))).collect(Collectors.joining("&"));
                api.list(Service.NOTIFICATION, "/api/notifications/deadlines?" + asked)
                        .forEach(count -> deadlines.put(count.get("incidentId"), of(count)));
            }
            return deadlines;
        } catch (ApiRefusal notificationServiceSilent) {
            return null;
        }
    }

    private static Deadlines of(Map<String, Object> count) {
        return new Deadlines(number(count.get("due")), number(count.get("met")), number(count.get("breached")),
                BoardRow.instant(count.get("nextDue")));
    }

    private static int number(Object value) {
        return value instanceof Number n ? n.intValue() : 0;
    }
}
