package org.drcc.notification.status;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The public status page: components, the current incidents with their public updates (newest first),
 * and the history of updates the feed carries. An incident is shown under a neutral public title (one a person
 * gave it, else {@code incident-title} and the components it affects), with a public status word; the only
 * texts are the updates a person published. The scenario and the internal title stay internal.
 */
public record StatusView(String title, Instant generatedAt, boolean allOperational, List<ComponentView> components,
                         List<IncidentView> incidents, List<FeedEntry> history, List<UptimeBar> uptime,
                         List<IncidentView> pastIncidents) {

    /** How far back the uptime bars and the past incidents reach. */
    public static final int DAYS = 90;

    public record ComponentView(String name, String status, boolean affected) {
    }

    public record IncidentView(String incidentId, String title, String status, List<String> components,
                               Instant declaredAt, Instant updatedAt, List<UpdateView> updates) {
    }

    public record UpdateView(String status, String text, Instant at) {
    }

    public record FeedEntry(String id, String incidentId, String title, String status, String text, Instant updated) {
    }

    /** A projected incident row; the scenario only to know which components are affected. */
    public record IncidentRow(String incidentId, String scenarioId, String publicTitle, String status,
                              Instant declaredAt, Instant updatedAt) {
    }

    /**
     * Current incidents are those not closed or cancelled; the history keeps every public update; the past incidents
     * are the ended ones of the last {@link #DAYS} days, newest first; each component's uptime bar counts the outages
     * of the real incidents that affect it (declared until restored or closed; a cancelled one was a false alarm).
     */
    public static StatusView assemble(StatusPageSettings settings, Instant now, Collection<IncidentRow> incidents,
                                      List<PublicUpdate> updates) {
        Map<String, IncidentRow> byId = incidents.stream()
                .collect(Collectors.toMap(IncidentRow::incidentId, r -> r, (a, b) -> a));
        Map<String, List<PublicUpdate>> updatesOf = updates.stream()
                .collect(Collectors.groupingBy(PublicUpdate::incidentId));
        List<IncidentView> current = incidents.stream()
                .filter(r -> StatusRules.current(r.status()))
                .sorted((a, b) -> b.updatedAt().compareTo(a.updatedAt()))
                .map(r -> incident(settings, r, updatesOf.getOrDefault(r.incidentId(), List.of())))
                .toList();
        List<ComponentView> components = settings.components().stream().map(c -> {
            boolean affected = current.stream().anyMatch(i -> i.components().contains(c.name()));
            return new ComponentView(c.name(), affected ? "affected" : "operational", affected);
        }).toList();
        List<FeedEntry> history = updates.stream()
                .filter(u -> byId.containsKey(u.incidentId()))
                .sorted((a, b) -> b.occurredAt().compareTo(a.occurredAt()))
                .limit(Math.max(1, settings.feedSize()))
                .map(u -> new FeedEntry("urn:drcc-status:" + u.eventId(), u.incidentId(),
                        title(settings, byId.get(u.incidentId())), StatusRules.publicStatus(u.status()), u.text(),
                        u.occurredAt()))
                .toList();
        Instant since = now.minus(java.time.Duration.ofDays(DAYS));
        List<IncidentView> past = incidents.stream()
                .filter(r -> !StatusRules.current(r.status()) && r.declaredAt() != null && r.declaredAt().isAfter(since))
                .sorted((a, b) -> b.declaredAt().compareTo(a.declaredAt()))
                .map(r -> incident(settings, r, updatesOf.getOrDefault(r.incidentId(), List.of())))
                .toList();
        List<Outage> outages = incidents.stream()
                .filter(r -> r.declaredAt() != null && !"cancelled".equals(r.status()))
                .map(r -> new Outage(affected(settings, r), r.declaredAt(),
                        updatesOf.getOrDefault(r.incidentId(), List.of()).stream()
                                .filter(u -> StatusRules.SERVICE_BACK.contains(u.status()))
                                .map(PublicUpdate::occurredAt).min(Instant::compareTo).orElse(null)))
                .toList();
        List<UptimeBar> uptime = settings.components().stream()
                .map(c -> UptimeBar.of(c.name(), outages, now, DAYS)).toList();
        return new StatusView(settings.title(), now, current.isEmpty(), components, current, history, uptime, past);
    }

    /** One incident as the public reads it, with its updates newest first. */
    static IncidentView incident(StatusPageSettings settings, IncidentRow row, List<PublicUpdate> updates) {
        return new IncidentView(row.incidentId(), title(settings, row), StatusRules.publicStatus(row.status()),
                affected(settings, row), row.declaredAt(), row.updatedAt(), updates.stream()
                .sorted((a, b) -> b.occurredAt().compareTo(a.occurredAt()))
                .map(u -> new UpdateView(StatusRules.publicStatus(u.status()), u.text(), u.occurredAt())).toList());
    }

    private static List<String> affected(StatusPageSettings settings, IncidentRow row) {
        return settings.components().stream().filter(c -> c.scenarios().contains(row.scenarioId()))
                .map(StatusPageSettings.Component::name).toList();
    }

    private static String title(StatusPageSettings settings, IncidentRow row) {
        if (row.publicTitle() != null && !row.publicTitle().isBlank()) {
            return row.publicTitle();
        }
        List<String> affected = affected(settings, row);
        return affected.isEmpty() ? settings.incidentTitle()
                : settings.incidentTitle() + ": " + String.join(", ", affected);
    }
}
