package org.drcc.incident.web;

import java.util.List;
import org.drcc.incident.plan.Plan;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

@RestController
@RequestMapping("/api/scenarios")
class ScenarioController {

    private final Plan catalog;

    ScenarioController(Plan catalog) {
        this.catalog = catalog;
    }

    @GetMapping
    List<ScenarioView> all() {
        return catalog.scenarios().stream().map(s -> ScenarioView.of(s, catalog)).toList();
    }

    @GetMapping("/{id}")
    ScenarioView one(@PathVariable String id) {
        return catalog.find(id).map(s -> ScenarioView.of(s, catalog)).orElseThrow(() ->
                new ResponseStatusException(HttpStatus.NOT_FOUND, "no scenario has id '" + id + "'"));
    }
}
