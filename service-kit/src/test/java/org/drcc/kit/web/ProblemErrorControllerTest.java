package org.drcc.kit.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.RequestDispatcher;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.servlet.error.DefaultErrorAttributes;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** The container's error page, reached by an error thrown outside the controllers (a filter, say). */
class ProblemErrorControllerTest {

    private final AtomicInteger poolsRetired = new AtomicInteger();
    private final EngineDownResolver outages = new EngineDownResolver(5, poolsRetired::incrementAndGet);

    @Test
    void aBrokenPooledConnectionOutsideTheControllersIsA503NamingPostgreSqlAndRetiresThePool() throws Exception {
        MockHttpServletResponse response = error(new IllegalStateException("wrapped",
                new SQLException("This connection has been closed.", "08003")), 500, () -> false);

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getContentType()).isEqualTo("application/problem+json");
        assertThat(response.getHeader("Retry-After")).isEqualTo("5");
        JsonNode body = body(response);
        assertThat(body.get("title").asText()).isEqualTo("PostgreSQL is unreachable");
        assertThat(body.get("instance").asText()).as("the failed request, not the error page").isEqualTo("/api/incidents");
        assertThat(body.get("detail").asText()).contains("POST /api/incidents was not done and nothing was changed");
        assertThat(poolsRetired).as("no dead connection is handed out once it is back").hasValue(1);
    }

    @Test
    void anUnexplainedServerErrorWhilePostgreSqlDoesNotAnswerIsItsOutage() throws Exception {
        MockHttpServletResponse response = error(new IllegalStateException("Transaction silently rolled back"), 500,
                () -> true);

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(body(response).get("engine").asText()).isEqualTo("PostgreSQL");
    }

    @Test
    void anyOtherServerErrorIsA500ProblemThatShowsNoInternals() throws Exception {
        MockHttpServletResponse response = error(new IllegalStateException("secret-token-abc leaked in a message"), 500,
                () -> false);

        assertThat(response.getStatus()).isEqualTo(500);
        assertThat(response.getContentType()).isEqualTo("application/problem+json");
        JsonNode body = body(response);
        assertThat(body.get("title").asText()).isEqualTo("Internal Server Error");
        assertThat(body.get("detail").asText()).contains("corr-42").doesNotContain("secret-token-abc");
        assertThat(poolsRetired).hasValue(0);
    }

    @Test
    void aClientErrorKeepsItsStatus() throws Exception {
        MockHttpServletResponse response = error(null, 404, () -> true);

        assertThat(response.getStatus()).as("a 404 is no outage, even with the database down").isEqualTo(404);
        assertThat(body(response).get("title").asText()).isEqualTo("Not Found");
    }

    private MockHttpServletResponse error(Exception error, int status, java.util.function.BooleanSupplier databaseDown)
            throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/error");
        request.setAttribute(RequestDispatcher.ERROR_REQUEST_URI, "/api/incidents");
        request.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, status);
        if (error != null) {
            request.setAttribute(RequestDispatcher.ERROR_EXCEPTION, error);
        }
        MockHttpServletResponse response = new MockHttpServletResponse();
        response.setHeader("X-Correlation-Id", "corr-42");
        new ProblemErrorController(new DefaultErrorAttributes(), outages, databaseDown).error(request, response);
        return response;
    }

    private static JsonNode body(MockHttpServletResponse response) throws Exception {
        return new ObjectMapper().readTree(response.getContentAsString());
    }
}
