package org.drcc.backup.drilldesk;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import org.drcc.drill.job.DrillDeed;
import org.drcc.drill.job.DrillProperties;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

/**
 * The drills tick the plan's checklist items this service's settings name; a name that is not an item of the
 * shipped plan would silently tick nothing, so every deed must name one of its items.
 */
class DrillChecklistSettingsTest {

    @Test
    void everyDeedNamesAnItemOfTheShippedPlan() throws Exception {
        StandardEnvironment environment = new StandardEnvironment();
        new YamlPropertySourceLoader().load("application", new ClassPathResource("application.yml"))
                .forEach(environment.getPropertySources()::addLast);
        DrillProperties drill = Binder.get(environment)
                .bind("dr.drill", DrillProperties.class).get();
        String plan = Files.readString(Path.of("..", "incident-service", "src", "main", "resources", "plan.yml"));

        assertThat(drill.checklist().keySet()).isEqualTo(EnumSet.allOf(DrillDeed.class));
        drill.checklist().values().forEach(item -> assertThat(plan).as("plan.yml item " + item).contains("{id: " + item + ","));
    }
}
