package org.drcc.incident.kafka;

import org.drcc.contract.Topics;
import org.drcc.contract.plan.PlanEvent;
import org.drcc.kit.axon.RelayRoute;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The kit's relay sends the plan's stored events (maintenance windows) to {@code dr.plan.events}, keyed by record. */
@Configuration(proxyBeanMethods = false)
class PlanEventRoute {

    @Bean
    RelayRoute<PlanEvent> planEvents() {
        return new RelayRoute<>(PlanEvent.class, Topics.PLAN_EVENTS, PlanEvent::subject);
    }
}
