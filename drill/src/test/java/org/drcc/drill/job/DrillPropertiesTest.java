package org.drcc.drill.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class DrillPropertiesTest {

    @Test
    void namesThePlansChecklistItemOfEachDeedAsConfigured() {
        DrillProperties properties = new Binder(new MapConfigurationPropertySource(Map.of(
                "dr.drill.checklist.impact-assessed", "impact-assessed",
                "dr.drill.checklist.functional-tests-passed", "smoke-tests-green")))
                .bind("dr.drill", DrillProperties.class).get();

        assertThat(properties.checklist()).containsEntry(DrillDeed.IMPACT_ASSESSED, "impact-assessed")
                .containsEntry(DrillDeed.FUNCTIONAL_TESTS_PASSED, "smoke-tests-green").hasSize(2);
        assertThat(properties.database()).isEqualTo("foodtruck");
    }
}
