package org.drcc.incident.query;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.List;
import org.drcc.contract.incident.IncidentRole;
import org.drcc.contract.incident.Phase;

/** An incident's checklist as one person sees it: the roles that are theirs, and their own items first. */
public record CallerChecklist(String incidentId, String person, List<IncidentRole> roles, Phase phase,
                              List<Item> items) {

    /** A checklist item, and whether it is the person's own. */
    public record Item(boolean mine, @JsonUnwrapped IncidentView.ChecklistEntry entry) {
    }
}
