package org.drcc.incident.plan;

import java.util.List;
import org.drcc.contract.incident.IncidentRole;
import org.drcc.contract.incident.Phase;

/** A role of the plan ("Roles and Responsibilities") and its responsibilities, each placed in the phase it is done in. */
public record RoleDuties(IncidentRole role, String title, List<Duty> responsibilities) {

    public RoleDuties {
        responsibilities = responsibilities == null ? List.of() : List.copyOf(responsibilities);
    }

    /** One responsibility: a checklist item of its phase owned by the role, not mandatory. */
    public record Duty(String id, String text, Phase phase) {
    }
}
