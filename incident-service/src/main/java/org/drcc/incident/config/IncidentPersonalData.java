package org.drcc.incident.config;

import java.util.List;
import org.drcc.kit.privacy.PersonalColumn;
import org.drcc.kit.privacy.PersonalColumns;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Where incident-service's read models hold names in clear: overwritten when a person is forgotten. */
@Configuration(proxyBeanMethods = false)
public class IncidentPersonalData {

    @Bean
    PersonalColumns incidentPersonalColumns() {
        return () -> List.of(
                PersonalColumn.value("audit_event", "actor"),
                PersonalColumn.jsonb("audit_event", "data"),
                // a replayed command gets its first answer back, which may name people
                PersonalColumn.jsonText("idempotency_key", "body"));
    }
}
