package org.drcc.console.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * One call to a service's API (the path already encoded by the caller) with the signed-in person's token. Answers come back as plain maps and lists (what
 * the templates read); a 4xx or 5xx becomes an {@link ApiRefusal} with the problem+json's title and detail, and a
 * service that does not answer a 503 refusal naming it.
 */
@Component
public class ServiceApi {

    private static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    /** What console.js sends: 128 random bits in hex. */
    private static final Pattern BROWSER_KEY = Pattern.compile("[0-9a-f]{32}");

    private final ConsoleServices services;
    private final Bearer bearer;
    private final ObjectMapper json;
    private final RestClient http;

    ServiceApi(ConsoleServices services, Bearer bearer, ObjectMapper json) {
        this.services = services;
        this.bearer = bearer;
        this.json = json;
        SimpleClientHttpRequestFactory requests = new SimpleClientHttpRequestFactory();
        requests.setConnectTimeout(Duration.ofSeconds(3));
        requests.setReadTimeout(Duration.ofSeconds(30));
        this.http = RestClient.builder().requestFactory(requests).build();
    }

    public Map<String, Object> get(Service service, String path) {
        return asMap(call(HttpMethod.GET, service, path, null, bearer.token()));
    }

    public List<Map<String, Object>> list(Service service, String path) {
        Object answer = call(HttpMethod.GET, service, path, null, bearer.token());
        if (answer instanceof Map<?, ?> page && page.get("items") instanceof List<?> items) {
            answer = items;
        }
        return answer instanceof List<?> list ? list.stream().map(ServiceApi::asMap).toList() : List.of();
    }

    public Map<String, Object> post(Service service, String path, Object body) {
        return asMap(call(HttpMethod.POST, service, path, body, bearer.token()));
    }

    public Map<String, Object> put(Service service, String path, Object body) {
        return asMap(call(HttpMethod.PUT, service, path, body, bearer.token()));
    }

    /** A text answer (a Markdown report), as it is. */
    public String text(Service service, String path) {
        try {
            return http.get().uri(URI.create(service.url(services) + path))
                    .header(HttpHeaders.AUTHORIZATION, "Bearer " + bearer.token())
                    .exchange((request, response) -> {
                        byte[] bytes = response.getBody().readAllBytes();
                        if (response.getStatusCode().isError()) {
                            throw refusal(service, response.getStatusCode().value(), bytes);
                        }
                        return new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
                    });
        } catch (ResourceAccessException e) {
            throw unreachable(service);
        }
    }

    /** A GET with a token that is not (yet) the session's: how a pasted token is tried before it is kept. */
    public Map<String, Object> getWith(String token, Service service, String path) {
        return asMap(call(HttpMethod.GET, service, path, null, token));
    }

    /** Streams an answer (an evidence pack) to {@code sink}, with its content type and disposition. */
    public void download(Service service, String path, Consumer<HttpHeaders> headers, Consumer<InputStream> sink) {
        try {
            http.get().uri(URI.create(service.url(services) + path))
                    .header(HttpHeaders.AUTHORIZATION, "Bearer " + bearer.token())
                    .exchange((request, response) -> {
                        if (response.getStatusCode().isError()) {
                            throw refusal(service, response.getStatusCode().value(), response.getBody().readAllBytes());
                        }
                        headers.accept(response.getHeaders());
                        sink.accept(response.getBody());
                        return null;
                    });
        } catch (ResourceAccessException e) {
            throw unreachable(service);
        }
    }

    private Object call(HttpMethod method, Service service, String path, Object body, String token) {
        try {
            RestClient.RequestBodySpec request = http.method(method).uri(URI.create(service.url(services) + path))
                    .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                    .accept(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON);
            if (body != null) {
                request.contentType(MediaType.APPLICATION_JSON).body(body);
            }
            String key = method == HttpMethod.GET ? null : idempotencyKey(method, service, path);
            if (key != null) {
                request.header(IDEMPOTENCY_KEY, key);
            }
            return request.exchange((req, response) -> {
                byte[] bytes = response.getBody().readAllBytes();
                if (response.getStatusCode().isError()) {
                    throw refusal(service, response.getStatusCode().value(), bytes);
                }
                return bytes.length == 0 ? new Answer() : Answer.of(json.readValue(bytes, Object.class));
            });
        } catch (ResourceAccessException e) {
            throw unreachable(service);
        }
    }

    /**
     * The key of a change sent on behalf of a page's action: the browser sends the same {@code Idempotency-Key} again
     * when it got no answer (console.js), so the service acts once however often the action is retried. Each change
     * gets a key of its own derived from the action's, so that an action's calls never share one.
     */
    private static String idempotencyKey(HttpMethod method, Service service, String path) {
        if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes page)) {
            return null;
        }
        String action = page.getRequest().getHeader(IDEMPOTENCY_KEY);
        if (action == null || !BROWSER_KEY.matcher(action).matches()) {
            return null;
        }
        return UUID.nameUUIDFromBytes((action + " " + method + " " + service + " " + path)
                .getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** One path segment or query value, encoded for the paths this class takes. */
    public static String encode(String value) {
        return org.springframework.web.util.UriUtils.encode(value, StandardCharsets.UTF_8);
    }

    private ApiRefusal refusal(Service service, int status, byte[] body) {
        try {
            JsonNode problem = json.readTree(body);
            String title = problem.path("title").asText(service.label() + " answered " + status);
            String detail = problem.path("detail").asText(title);
            return new ApiRefusal(status, title, detail);
        } catch (IOException notJson) {
            return new ApiRefusal(status, service.label() + " answered " + status, service.label() + " answered " + status);
        }
    }

    private static ApiRefusal unreachable(Service service) {
        return new ApiRefusal(503, service.label() + " is not reachable",
                service.label() + " did not answer; try again when it is back");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object answer) {
        if (answer instanceof Map<?, ?> map) {
            return (Map<String, Object>) map;
        }
        Answer wrapped = new Answer();
        wrapped.put("items", answer);
        return wrapped;
    }
}
