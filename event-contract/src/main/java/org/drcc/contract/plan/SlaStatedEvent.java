package org.drcc.contract.plan;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonTypeName;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;

/**
 * The plan's service level agreement as the plan now states it: {@code availability} in percent (99.999) and the
 * {@code maxDowntime} a year the plan writes beside it (5.26 minutes); planned maintenance is not counted. Published
 * by incident-service, which holds the plan, when the plan's SLA is first known and whenever it changes; the SLA's
 * figures (metrics-service) are measured against the newest. One record: {@link #SUBJECT} is its Kafka key.
 */
@JsonTypeName("dr.plan.sla-stated.v1")
public record SlaStatedEvent(
        BigDecimal availability,
        Duration maxDowntime,
        String actor,
        Instant occurredAt) implements PlanEvent {

    public static final String SUBJECT = "sla";

    @Override
    @JsonIgnore
    public String subject() {
        return SUBJECT;
    }
}
