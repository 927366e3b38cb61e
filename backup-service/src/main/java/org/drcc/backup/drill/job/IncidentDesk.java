package org.drcc.backup.drill.job;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientResponseException;

/**
 * The drill's side of incident-service's REST API: declares the drill's incident and walks it through the
 * plan's phases. A refusal comes back as an {@link IllegalStateException} with incident-service's own words.
 */
@Component
class IncidentDesk {

    static final String NOT_EXERCISED = "not exercised by the automated drill";

    private final RestClient incidents;

    IncidentDesk(RestClient incidentClient) {
        this.incidents = incidentClient;
    }

    ScenarioTargets targets(String scenario) {
        JsonNode s = call(() -> incidents.get().uri("/api/scenarios/{id}", scenario).retrieve().body(JsonNode.class));
        return new ScenarioTargets(scenario, duration(s.get("rto")), duration(s.get("rpo")));
    }

    String declare(String scenario, String title, String description, Instant detectedAt, Instant damageStart) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("scenario", scenario);
        body.put("title", title);
        body.put("description", description);
        body.put("detectedAt", detectedAt.toString());
        body.put("suspectedDamageStart", damageStart.toString());
        body.put("drill", true);
        return post(body, "/api/incidents").get("id").asText();
    }

    void lead(String incidentId, String person) {
        call(() -> incidents.put().uri("/api/incidents/{id}/roles/DR_LEAD", incidentId)
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("person", person)).retrieve().body(JsonNode.class));
    }

    /**
     * Ticks the open items of {@code phase} the drill did ({@code done}: item id to what was done); the
     * mandatory ones it cannot do are waived, as the DR lead, saying so.
     */
    void checklist(String incidentId, String phase, Map<String, String> done) {
        for (JsonNode item : incident(incidentId).get("checklist")) {
            if (!phase.equals(item.get("phase").asText()) || !"OPEN".equals(item.get("state").asText())) {
                continue;
            }
            String id = item.get("id").asText();
            if (done.containsKey(id)) {
                post(Map.of("note", done.get(id)), "/api/incidents/{id}/checklist/{item}/complete", incidentId, id);
            } else if (item.get("mandatory").asBoolean()) {
                post(Map.of("reason", NOT_EXERCISED), "/api/incidents/{id}/checklist/{item}/waive", incidentId, id);
            }
        }
    }

    void advance(String incidentId, String action, String summary) {
        post(Map.of("summary", summary), "/api/incidents/{id}/{action}", incidentId, action);
    }

    void restored(String incidentId, String backupId, Instant restorePoint, String summary) {
        post(Map.of("backupId", backupId, "restorePoint", restorePoint.toString(), "summary", summary),
                "/api/incidents/{id}/restore", incidentId);
    }

    void validated(String incidentId, boolean passed, String summary) {
        post(Map.of("passed", passed, "summary", summary), "/api/incidents/{id}/validate", incidentId);
    }

    void cancel(String incidentId, String reason) {
        post(Map.of("reason", reason), "/api/incidents/{id}/cancel", incidentId);
    }

    JsonNode incident(String incidentId) {
        return call(() -> incidents.get().uri("/api/incidents/{id}", incidentId).retrieve().body(JsonNode.class));
    }

    /** {@code template} with {@code {…}} variables, so the client's metrics are tagged by route, not by id. */
    private JsonNode post(Object body, String template, Object... variables) {
        return call(() -> incidents.post().uri(template, variables).contentType(MediaType.APPLICATION_JSON).body(body).retrieve()
                .body(JsonNode.class));
    }

    private static JsonNode call(java.util.function.Supplier<JsonNode> request) {
        try {
            return request.get();
        } catch (RestClientResponseException e) {
            throw new IllegalStateException("incident-service answered " + e.getStatusCode().value() + ": "
                    + e.getResponseBodyAsString(), e);
        } catch (org.springframework.web.client.ResourceAccessException e) {
            throw new IllegalStateException("incident-service is not reachable: " + e.getMessage(), e);
        }
    }

    static Duration duration(JsonNode value) {
        if (value == null || value.isNull()) {
            return null;
        }
        return value.isNumber() ? Duration.ofMillis(Math.round(value.asDouble() * 1000)) : Duration.parse(value.asText());
    }
}
