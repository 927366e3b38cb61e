package org.drcc.incident.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.drcc.incident.plan.Plan;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

@Tag(name = "scenarios", description = "The plan's disaster scenarios with their severity, RTO, RPO and recovery steps")
@RestController
@RequestMapping("/api/scenarios")
class ScenarioController {

    private final Plan catalog;

    ScenarioController(Plan catalog) {
        this.catalog = catalog;
    }

    @Operation(summary = "List the plan's scenarios")
    @GetMapping
    List<ScenarioView> all() {
        return catalog.scenarios().stream().map(s -> ScenarioView.of(s, catalog)).toList();
    }

    @Operation(summary = "Read one scenario of the plan")
    @GetMapping("/{id}")
    ScenarioView one(@PathVariable String id) {
        return catalog.find(id).map(s -> ScenarioView.of(s, catalog)).orElseThrow(() ->
                new ResponseStatusException(HttpStatus.NOT_FOUND, "no scenario has id '" + id + "'"));
    }
}
