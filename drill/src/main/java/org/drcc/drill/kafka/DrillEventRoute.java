package org.drcc.drill.kafka;

import org.drcc.contract.Topics;
import org.drcc.contract.drill.DrillEvent;
import org.drcc.kit.axon.RelayRoute;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The kit's relay sends stored drill events to {@code dr.drill.events}, keyed by drill id. */
@Configuration(proxyBeanMethods = false)
class DrillEventRoute {

    @Bean
    RelayRoute<DrillEvent> drillEvents() {
        return new RelayRoute<>(DrillEvent.class, Topics.DRILL_EVENTS, DrillEvent::drillId);
    }
}
