package org.drcc.drill.application;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.web.client.HttpStatusCodeException;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

/**
 * The application's REST API: {@code /actuator/health}, {@code /api/checks} (503 with the failures when it fails),
 * {@code /api/deployments}, {@code /api/deployments/rollback}, {@code /api/instance/stop}. The client carries the
 * drill's token (devops or dr-lead may deploy).
 */
public class HttpAppFleet implements AppFleet {

    private final RestClient client;
    private final List<URI> instances;

    public HttpAppFleet(RestClient client, List<URI> instances) {
        this.client = client;
        this.instances = List.copyOf(instances);
    }

    @Override
    public List<URI> instances() {
        return instances;
    }

    @Override
    public Probe probe(URI instance) {
        try {
            JsonNode health = lenient(instance.resolve("/actuator/health"));
            JsonNode check = lenient(instance.resolve("/api/checks"));
            boolean healthy = "UP".equals(health.path("status").asText());
            boolean passed = check.path("passed").asBoolean(false);
            List<String> failures = new ArrayList<>();
            check.path("failures").forEach(f -> failures.add(f.asText()));
            String detail = passed ? check.path("trucks").asInt() + " trucks listed, " + check.path("receiptsChecked").asInt()
                    + " receipts equal what was paid" : failures.size() + " failures, first: "
                    + (failures.isEmpty() ? check.toString() : failures.get(0));
            return new Probe(instance, true, healthy, passed, check.path("release").asText(null), detail);
        } catch (ResourceAccessException e) {
            return Probe.unreachable(instance, e.getMostSpecificCause().toString());
        }
    }

    /** Health and checks answer 503 with a body when they fail: that body is the answer. */
    private JsonNode lenient(URI uri) {
        try {
            return client.get().uri(uri).retrieve().body(JsonNode.class);
        } catch (HttpStatusCodeException e) {
            JsonNode body = e.getResponseBodyAs(JsonNode.class);
            return body == null ? com.fasterxml.jackson.databind.node.MissingNode.getInstance() : body;
        }
    }

    @Override
    public String deploy(URI instance, String release) {
        return client.post().uri(instance.resolve("/api/deployments")).body(Map.of("release", release)).retrieve()
                .body(JsonNode.class).path("release").asText();
    }

    @Override
    public String rollback(URI instance) {
        return client.post().uri(instance.resolve("/api/deployments/rollback")).retrieve().body(JsonNode.class)
                .path("release").asText();
    }

    @Override
    public void stop(URI instance) {
        client.post().uri(instance.resolve("/api/instance/stop")).retrieve().toBodilessEntity();
    }
}
