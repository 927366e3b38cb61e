package org.drcc.console.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * A page's action sent again with the browser's same Idempotency-Key sends each of its changes with the same key of
 * its own: the service acts once. Reads carry none, nor does an action whose page sent none or a key not of
 * console.js's shape.
 */
class ServiceApiKeysTest {

    private static final String BROWSER_KEY = "0123456789abcdef0123456789abcdef";

    private final List<String> keys = new ArrayList<>();
    private HttpServer service;
    private ServiceApi api;

    @BeforeEach
    void aServiceOnLoopback() throws Exception {
        service = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        service.createContext("/", exchange -> {
            keys.add(String.valueOf(exchange.getRequestHeaders().getFirst("Idempotency-Key")));
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, 2);
            exchange.getResponseBody().write("{}".getBytes());
            exchange.close();
        });
        service.start();
        String url = "http://127.0.0.1:" + service.getAddress().getPort();
        api = new ServiceApi(new ConsoleServices(url, url, url, url), () -> "a-token", new ObjectMapper());
    }

    @AfterEach
    void stop() {
        service.stop(0);
        RequestContextHolder.resetRequestAttributes();
    }

    @Test
    void anActionSentAgainSendsEachChangeWithItsOwnSameKey() {
        page(BROWSER_KEY);
        api.post(Service.INCIDENT, "/api/incidents", Map.of("title", "t"));
        api.post(Service.INCIDENT, "/api/incidents", Map.of("title", "t"));
        api.post(Service.BACKUP, "/api/incidents", Map.of("title", "t"));
        api.put(Service.INCIDENT, "/api/incidents/i-1/roles/dr-lead", Map.of("person", "ida"));
        api.get(Service.INCIDENT, "/api/incidents/i-1");

        assertThat(keys.get(0)).as("a change's key").matches("[0-9a-f-]{36}").isNotEqualTo(BROWSER_KEY);
        assertThat(keys.get(1)).as("the same change sent again").isEqualTo(keys.get(0));
        assertThat(keys.subList(2, 4)).as("other changes of the same action").doesNotContain(keys.get(0))
                .doesNotHaveDuplicates();
        assertThat(keys.get(4)).as("a read").isEqualTo("null");
    }

    @Test
    void noKeyWithoutTheBrowsersOrWithOneNotOfItsShape() {
        page(null);
        api.post(Service.INCIDENT, "/api/incidents", Map.of());
        page("x".repeat(4000));
        api.post(Service.INCIDENT, "/api/incidents", Map.of());
        RequestContextHolder.resetRequestAttributes(); // a call from no page's request
        api.post(Service.INCIDENT, "/api/incidents", Map.of());
        assertThat(keys).containsExactly("null", "null", "null");
    }

    private static void page(String key) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/incidents");
        if (key != null) {
            request.addHeader("Idempotency-Key", key);
        }
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
    }
}
