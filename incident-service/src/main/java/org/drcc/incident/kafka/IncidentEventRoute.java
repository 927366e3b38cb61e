package org.drcc.incident.kafka;

import org.drcc.contract.Topics;
import org.drcc.contract.incident.IncidentEvent;
import org.drcc.kit.axon.RelayRoute;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The kit's relay sends stored incident events to {@code dr.incident.events}, keyed by incident to keep each in order. */
@Configuration(proxyBeanMethods = false)
class IncidentEventRoute {

    @Bean
    RelayRoute<IncidentEvent> incidentEvents() {
        return RelayRoute.keyedByField(IncidentEvent.class, Topics.INCIDENT_EVENTS, "incidentId");
    }
}
