/**
 * incident-service's events about the plan itself, on {@code dr.plan.events} (sealed {@code PlanEvent}): planned
 * maintenance windows, which the SLA excludes, the plan's reviews (due, held), and the SLA the plan states. Each record's {@code @JsonTypeName} is its versioned CloudEvents type.
 */
package org.drcc.contract.plan;
