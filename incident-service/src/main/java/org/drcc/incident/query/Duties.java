package org.drcc.incident.query;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.drcc.contract.incident.IncidentRole;
import org.drcc.kit.security.Roles;

/**
 * Whose checklist items are whose: an item is a person's own when its owner role is one the incident gives them, or
 * one their token carries and the incident gives nobody (the DBA on call owns the DBA's items until the DR lead names
 * a DBA for this incident). Their own items come first, each group in the plan's order.
 */
public final class Duties {

    private static final Map<String, IncidentRole> TOKEN_ROLES = Map.of(Roles.DR_LEAD, IncidentRole.DR_LEAD,
            Roles.DBA, IncidentRole.DATABASE_ADMINISTRATOR, Roles.DEVOPS, IncidentRole.DEVOPS,
            Roles.SECURITY, IncidentRole.SECURITY, Roles.SUPPORT, IncidentRole.SUPPORT);

    private Duties() {
    }

    /** The roles of the incident that are {@code person}'s, given the roles their token carries. */
    public static Set<IncidentRole> rolesOf(IncidentView incident, String person, Set<String> tokenRoles) {
        Set<IncidentRole> mine = EnumSet.noneOf(IncidentRole.class);
        for (IncidentRole role : IncidentRole.values()) {
            String holder = incident.roles().get(role);
            boolean carried = tokenRoles.stream().anyMatch(r -> TOKEN_ROLES.get(r) == role);
            if (person.equals(holder) || (holder == null && carried)) {
                mine.add(role);
            }
        }
        return mine;
    }

    /** The checklist for {@code person}: their own items first, or only those when {@code onlyMine}. */
    public static CallerChecklist checklistFor(IncidentView incident, String person, Set<String> tokenRoles,
                                               boolean onlyMine) {
        Set<IncidentRole> roles = rolesOf(incident, person, tokenRoles);
        List<CallerChecklist.Item> own = new ArrayList<>();
        List<CallerChecklist.Item> others = new ArrayList<>();
        for (IncidentView.ChecklistEntry entry : incident.checklist()) {
            boolean isMine = entry.owner() != null && roles.contains(entry.owner());
            (isMine ? own : others).add(new CallerChecklist.Item(isMine, entry));
        }
        if (!onlyMine) {
            own.addAll(others);
        }
        return new CallerChecklist(incident.id(), person, List.copyOf(roles), incident.phase(), own);
    }
}
