package org.drcc.drill.command;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The plan's scenarios a drill can exercise on its own, by their ids in the plan. Data-centre and
 * regional failures are both drilled as the loss of the primary site: a restore from the tertiary
 * (off-site) copy into a fresh database. The two application drills exercise the Food Truck application itself, not
 * its data: a bad release rolled back (scenario 6), and one instance lost while another takes over (the test
 * schedule's application-failover test, which is no scenario of the plan). {@code point-in-time-recovery} is not a
 * scenario of the plan either but a drill of its database corruption's repair to an instant (the random-moment drill).
 */
public enum DrillScenario {
    DATABASE_CORRUPTION("database-corruption"),
    ACCIDENTAL_DATA_DELETION("accidental-data-deletion"),
    RANSOMWARE_ATTACK("ransomware-attack"),
    DATA_CENTER_FAILURE("data-center-failure"),
    REGIONAL_DISASTER("regional-disaster"),
    APPLICATION_CODE_CORRUPTION("application-code-corruption"),
    APPLICATION_FAILOVER("application-failover"),
    /** Database corruption at a random moment amid writes, repaired by point-in-time recovery (no incident). */
    POINT_IN_TIME_RECOVERY("point-in-time-recovery");

    private final String id;

    DrillScenario(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public boolean restoresFromTertiary() {
        return this == DATA_CENTER_FAILURE || this == REGIONAL_DISASTER;
    }

    /** Drilled on the running application (its releases and instances), not on scratch copies of its database. */
    public boolean application() {
        return this == APPLICATION_CODE_CORRUPTION || this == APPLICATION_FAILOVER;
    }

    public static Optional<DrillScenario> byId(String id) {
        return Arrays.stream(values()).filter(s -> s.id.equals(id)).findFirst();
    }

    public static List<String> ids() {
        return Arrays.stream(values()).map(DrillScenario::id).toList();
    }
}
