package org.drcc.incident.command;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.drcc.contract.incident.ChecklistItem;
import org.drcc.contract.incident.Phase;

/** An incident's checklist and which of its items are resolved (done or waived). */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE)
final class Checklist {

    private final Map<String, ChecklistItem> items = new LinkedHashMap<>();
    private final Set<String> resolved = new LinkedHashSet<>();

    void assign(List<ChecklistItem> checklist) {
        checklist.forEach(i -> items.put(i.id(), i));
    }

    void resolve(String itemId) {
        resolved.add(itemId);
    }

    /** True for an item of this checklist that is neither done nor waived. */
    boolean isOpen(String itemId) {
        return items.containsKey(itemId) && !resolved.contains(itemId);
    }

    ChecklistItem requireOpen(String itemId) {
        ChecklistItem item = items.get(itemId);
        Rules.require(item != null, "the checklist has no item '" + itemId + "'");
        Rules.require(!resolved.contains(itemId), "checklist item '" + itemId + "' is already done or waived");
        return item;
    }

    /** Refuses to leave the phases while a mandatory item of theirs is open. */
    void requireComplete(Set<Phase> phases, String move) {
        List<String> open = items.values().stream()
                .filter(i -> i.mandatory() && phases.contains(i.phase()) && !resolved.contains(i.id()))
                .map(ChecklistItem::id)
                .toList();
        Rules.require(open.isEmpty(), "cannot " + move + " while mandatory checklist items of "
                + phases.stream().map(Phase::name).sorted().collect(Collectors.joining(", "))
                + " are open: " + String.join(", ", open) + " (do them, or the DR lead waives them with a reason)");
    }
}
