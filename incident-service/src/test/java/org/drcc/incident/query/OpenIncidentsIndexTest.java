package org.drcc.incident.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The open incidents' list is read through V83's partial index only if its condition is the index's own text: a
 * change of the lifecycle's final states must come with a new index.
 */
class OpenIncidentsIndexTest {

    @Test
    void theListsOpenConditionIsThePartialIndexsCondition() throws IOException {
        assertThat(IncidentSummaryProjection.OPEN).isEqualTo("status NOT IN ('CLOSED', 'CANCELLED')");
        try (InputStream migration = getClass().getResourceAsStream("/db/migration/V83__open_incidents.sql")) {
            assertThat(new String(migration.readAllBytes(), StandardCharsets.UTF_8).replaceAll("\\s+", " "))
                    .contains("WHERE " + IncidentSummaryProjection.OPEN + ";");
        }
    }
}
