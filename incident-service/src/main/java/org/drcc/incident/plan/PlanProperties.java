package org.drcc.incident.plan;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.io.Resource;

/** {@code dr.plan.location}: the DR plan as data (YAML): phases with checklists, scenarios. */
@ConfigurationProperties("dr.plan")
public record PlanProperties(Resource location) {
}
