package org.drcc.metrics.web;

import java.util.List;
import org.drcc.metrics.query.IncidentCounts;
import org.drcc.metrics.query.IncidentFact;
import org.drcc.metrics.query.IncidentFacts;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/metrics")
class MetricsController {

    private final IncidentFacts facts;

    MetricsController(IncidentFacts facts) {
        this.facts = facts;
    }

    @GetMapping("/incidents")
    List<IncidentFact> incidents() {
        return facts.all();
    }

    @GetMapping("/counts")
    IncidentCounts counts() {
        return facts.counts();
    }
}
