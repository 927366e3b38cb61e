package org.drcc.floor;

import java.net.URI;
import java.util.Map;
import java.util.UUID;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.http.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.JdbcTemplateAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.DispatcherServletAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.ServletWebServerFactoryAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.WebMvcAutoConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The floor of bench/api-benchmark: a bare Spring MVC endpoint that writes one row to PostgreSQL, and reads it
 * back. Outside org.drcc.incident, so that neither the service's component scan nor a {@code @SpringBootTest} there
 * finds it.
 */
@SpringBootConfiguration
@ImportAutoConfiguration({ServletWebServerFactoryAutoConfiguration.class, DispatcherServletAutoConfiguration.class,
        WebMvcAutoConfiguration.class, HttpMessageConvertersAutoConfiguration.class, JacksonAutoConfiguration.class,
        DataSourceAutoConfiguration.class, JdbcTemplateAutoConfiguration.class})
@Import(FloorApplication.FloorController.class)
public class FloorApplication {

    @RestController
    static class FloorController {

        private final JdbcTemplate jdbc;

        FloorController(JdbcTemplate jdbc) {
            this.jdbc = jdbc;
        }

        @PostMapping("/floor/incidents")
        ResponseEntity<Map<String, Object>> declare(@RequestBody Map<String, String> request) {
            UUID id = UUID.randomUUID();
            jdbc.update("INSERT INTO incident (id, scenario, title) VALUES (?, ?, ?)", id, request.get("scenario"),
                    request.get("title"));
            return ResponseEntity.created(URI.create("/floor/incidents/" + id)).body(Map.of("id", id.toString()));
        }

        @GetMapping("/floor/incidents/{id}")
        Map<String, Object> read(@PathVariable UUID id) {
            return jdbc.queryForMap("SELECT id, scenario, title, declared_at FROM incident WHERE id = ?", id);
        }
    }
}
