package org.drcc.drill.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class DrillPropertiesTest {

    @Test
    void bindsTheSettingsWithTheirDefaults() {
        DrillProperties properties = new Binder(new MapConfigurationPropertySource(Map.of(
                "dr.drill.actor", "drill-bot")))
                .bind("dr.drill", DrillProperties.class).get();

        assertThat(properties.actor()).isEqualTo("drill-bot");
        assertThat(properties.database()).isEqualTo("foodtruck");
    }
}
