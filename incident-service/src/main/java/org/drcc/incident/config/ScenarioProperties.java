package org.drcc.incident.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.io.Resource;

/** {@code dr.scenarios.location}: the plan's scenario catalogue (YAML). */
@ConfigurationProperties("dr.scenarios")
record ScenarioProperties(Resource location) {
}
