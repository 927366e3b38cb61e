package org.drcc.drill.incident;

import java.time.Instant;
import java.util.Map;
import java.util.function.Supplier;
import org.drcc.contract.incident.Phase;
import org.drcc.drill.incident.IncidentApi.ChecklistEntry;
import org.drcc.drill.incident.IncidentApi.Incident;
import org.drcc.drill.incident.IncidentApi.ScenarioTargets;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientResponseException;

/**
 * The drill's side of incident-service's REST API: declares the drill's incident and walks it through the
 * plan's phases. A refusal comes back as an {@link IllegalStateException} with incident-service's own words.
 */
@Component
public class IncidentDesk {

    static final String NOT_EXERCISED = "not exercised by the automated drill";

    private final RestClient incidents;

    IncidentDesk(RestClient incidentClient) {
        this.incidents = incidentClient;
    }

    public ScenarioTargets targets(String scenario) {
        return call(() -> incidents.get().uri("/api/scenarios/{id}", scenario).retrieve().body(ScenarioTargets.class));
    }

    /** The new incident's id. */
    public String declare(String scenario, String title, String description, Instant detectedAt, Instant damageStart) {
        IncidentApi.Declare body = new IncidentApi.Declare(scenario, title, description, detectedAt, damageStart, true);
        return call(() -> incidents.post().uri("/api/incidents").contentType(MediaType.APPLICATION_JSON).body(body)
                .retrieve().body(Incident.class)).id();
    }

    public void lead(String incidentId, String person) {
        call(() -> incidents.put().uri("/api/incidents/{id}/roles/DR_LEAD", incidentId)
                .contentType(MediaType.APPLICATION_JSON).body(new IncidentApi.Role(person)).retrieve().toBodilessEntity());
    }

    /**
     * Ticks the open items of {@code phase} the drill did ({@code done}: item id to what was done); the
     * mandatory ones it cannot do are waived, as the DR lead, saying so.
     */
    public void checklist(String incidentId, Phase phase, Map<String, String> done) {
        for (ChecklistEntry item : incident(incidentId).checklist()) {
            if (phase != item.phase() || !"OPEN".equals(item.state())) {
                continue;
            }
            if (done.containsKey(item.id())) {
                post(new IncidentApi.Note(done.get(item.id())), "/api/incidents/{id}/checklist/{item}/complete",
                        incidentId, item.id());
            } else if (item.mandatory()) {
                post(new IncidentApi.Reason(NOT_EXERCISED), "/api/incidents/{id}/checklist/{item}/waive", incidentId,
                        item.id());
            }
        }
    }

    /** {@code action}: assess, contain or close. */
    public void advance(String incidentId, String action, String summary) {
        post(new IncidentApi.Summary(summary), "/api/incidents/{id}/{action}", incidentId, action);
    }

    public void restored(String incidentId, String backupId, Instant restorePoint, String summary) {
        post(new IncidentApi.Restore(backupId, restorePoint, summary), "/api/incidents/{id}/restore", incidentId);
    }

    public void validated(String incidentId, boolean passed, String summary) {
        post(new IncidentApi.Validate(passed, summary), "/api/incidents/{id}/validate", incidentId);
    }

    public void cancel(String incidentId, String reason) {
        post(new IncidentApi.Reason(reason), "/api/incidents/{id}/cancel", incidentId);
    }

    public Incident incident(String incidentId) {
        return call(() -> incidents.get().uri("/api/incidents/{id}", incidentId).retrieve().body(Incident.class));
    }

    /** {@code template} with {@code {…}} variables, so the client's metrics are tagged by route, not by id. */
    private void post(Object body, String template, Object... variables) {
        call(() -> incidents.post().uri(template, variables).contentType(MediaType.APPLICATION_JSON).body(body)
                .retrieve().toBodilessEntity());
    }

    private static <T> T call(Supplier<T> request) {
        try {
            return request.get();
        } catch (RestClientResponseException e) {
            throw new IllegalStateException("incident-service answered " + e.getStatusCode().value() + ": "
                    + e.getResponseBodyAsString(), e);
        } catch (ResourceAccessException e) {
            throw new IllegalStateException("incident-service is not reachable: " + e.getMessage(), e);
        }
    }
}
