package org.drcc.drill.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * A drill ticks the items the plan marks with its deeds; a deed that the shipped plan puts on no item would
 * have its item waived instead of ticked, which only the checklist's states would show.
 */
class ShippedPlanTest {

    @Test
    void theShippedPlanPutsEveryDeedOnAnItem() throws Exception {
        String plan = Files.readString(Path.of("..", "incident-service", "src", "main", "resources", "plan.yml"));

        for (DrillDeed deed : DrillDeed.values()) {
            // the deed ends its item's flow mapping or is followed by another key (owner: ...)
            assertThat(plan).as("plan.yml marks an item with deed " + deed.tag())
                    .containsPattern("deed: " + java.util.regex.Pattern.quote(deed.tag()) + "[,}]");
        }
    }
}
