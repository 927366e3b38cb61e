package org.drcc.notification.status;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The public status page: components, the current incidents with their public updates (newest first),
 * and the history of updates the feed carries. Only titles, scenario names, statuses, public texts
 * and times; nothing else exists in its read model.
 */
public record StatusView(String title, Instant generatedAt, boolean allOperational, List<ComponentView> components,
                         List<IncidentView> incidents, List<FeedEntry> history) {

    public record ComponentView(String name, String status, boolean affected) {
    }

    public record IncidentView(String incidentId, String title, String scenario, String status, Instant declaredAt,
                               Instant updatedAt, List<UpdateView> updates) {
    }

    public record UpdateView(String status, String text, Instant at) {
    }

    public record FeedEntry(String id, String incidentId, String title, String status, String text, Instant updated) {
    }

    /** A projected incident row. */
    public record IncidentRow(String incidentId, String scenarioId, String title, String status, Instant declaredAt,
                              Instant updatedAt) {

        String shownTitle() {
            return title == null || title.isBlank() ? scenarioId : title;
        }
    }

    /** Current incidents are those not closed or cancelled; the history keeps every public update. */
    public static StatusView assemble(StatusPageSettings settings, Instant now, Collection<IncidentRow> incidents,
                                      List<PublicUpdate> updates) {
        Map<String, IncidentRow> byId = incidents.stream()
                .collect(Collectors.toMap(IncidentRow::incidentId, r -> r, (a, b) -> a));
        Map<String, List<PublicUpdate>> updatesOf = updates.stream()
                .collect(Collectors.groupingBy(PublicUpdate::incidentId));
        List<IncidentView> current = incidents.stream()
                .filter(r -> StatusRules.current(r.status()))
                .sorted((a, b) -> b.updatedAt().compareTo(a.updatedAt()))
                .map(r -> new IncidentView(r.incidentId(), r.shownTitle(), r.scenarioId(), r.status(),
                        r.declaredAt(), r.updatedAt(), updatesOf.getOrDefault(r.incidentId(), List.of()).stream()
                        .sorted((a, b) -> b.occurredAt().compareTo(a.occurredAt()))
                        .map(u -> new UpdateView(u.status(), u.text(), u.occurredAt())).toList()))
                .toList();
        List<ComponentView> components = new ArrayList<>();
        for (StatusPageSettings.Component c : settings.components()) {
            boolean affected = current.stream().anyMatch(i -> c.scenarios().contains(i.scenario()));
            components.add(new ComponentView(c.name(), affected ? "affected" : "operational", affected));
        }
        List<FeedEntry> history = updates.stream()
                .filter(u -> byId.containsKey(u.incidentId()))
                .sorted((a, b) -> b.occurredAt().compareTo(a.occurredAt()))
                .limit(Math.max(1, settings.feedSize()))
                .map(u -> new FeedEntry("urn:drcc-status:" + u.eventId(), u.incidentId(),
                        byId.get(u.incidentId()).shownTitle(), u.status(), u.text(), u.occurredAt()))
                .toList();
        return new StatusView(settings.title(), now, current.isEmpty(), components, current, history);
    }
}
