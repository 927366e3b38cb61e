package org.drcc.metrics.config;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.drcc.metrics.query.IncidentFacts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;

@Configuration
class MetricsConfig {

    /** Read from the projection at each scrape, so every instance reports the same figure. */
    @Autowired
    void gauges(MeterRegistry registry, IncidentFacts facts) {
        Gauge.builder("dr.incidents.open", facts, f -> f.counts().open())
                .description("Real (non-drill) incidents declared and not yet closed")
                .register(registry);
        Gauge.builder("dr.incidents.declared", facts, f -> f.counts().incidents())
                .description("Real (non-drill) incidents declared so far")
                .register(registry);
    }
}
