package org.drcc.incident;

import org.drcc.testsupport.ContainerEngines;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.testcontainers.junit.jupiter.Testcontainers;

/** The same checks on PostgreSQL, Kafka and MinIO containers; skipped where there is no Docker engine. */
@Testcontainers(disabledWithoutDocker = true)
class IncidentServiceOnContainersIT extends IncidentDeclarationChecks {

    @DynamicPropertySource
    static void engines(DynamicPropertyRegistry registry) {
        ContainerEngines.register(registry, "incident");
    }
}
