package org.drcc.incident.report;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.drcc.contract.incident.Phase;
import org.drcc.incident.evidence.SeenEvents.IncidentMessage;
import org.drcc.incident.query.IncidentView;
import org.drcc.incident.query.RecordedEvent;
import org.drcc.recovery.RecoveryRules;
import org.drcc.recovery.Verdict;

/**
 * The post-incident report of one incident, from its stored events (through {@link IncidentView}) and the messages
 * notification-service reported for it. Each figure names the two events it was computed from. Lessons learned are
 * the note of the POST_RECOVERY item {@value #LESSONS_ITEM}, entered when it is ticked.
 */
public final class PostIncidentReport {

    static final String LESSONS_ITEM = "lessons-learned-captured";
    private static final String DECLARED = "dr.incident.declared.v1";
    private static final String RESTORED = "dr.incident.restored.v1";

    private final ReportDocument doc = new ReportDocument();
    private final String title;

    private PostIncidentReport(String title) {
        this.title = title;
    }

    /** The report's Markdown and HTML. */
    public record Rendered(String markdown, String html) {
    }

    public static Rendered render(IncidentView v, List<RecordedEvent> events, List<IncidentMessage> messages,
                                  Instant generatedAt) {
        PostIncidentReport r = new PostIncidentReport("Post-incident report: " + v.title());
        r.doc.heading(1, r.title).paragraph("Incident " + v.id() + ", scenario " + v.scenario() + ", severity "
                + v.severity() + "; declared by " + v.declaredBy() + " at " + v.declaredAt() + ", now " + v.status()
                + ". Generated at " + generatedAt + " from its " + events.size() + " stored events.");
        r.recovery(v, events);
        r.timeline(v);
        r.people(events);
        r.checklist(v);
        r.notifications(messages);
        r.lessons(v);
        return new Rendered(r.doc.markdown(), r.doc.html(r.title));
    }

    private void recovery(IncidentView v, List<RecordedEvent> events) {
        String declaredId = eventId(events, DECLARED);
        String restoredId = eventId(events, RESTORED);
        IncidentView.RestoreEvidence restore = v.restore();
        Duration ttr = restore == null ? null : RecoveryRules.timeToRecover(v.detectedAt(), restore.at()).orElse(null);
        Duration loss = restore == null ? null : restore.dataLoss();
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("RTO: time to recover", duration(ttr), duration(v.rto()), verdict(ttr, v.rto()),
                DECLARED + " " + declaredId + " detectedAt " + v.detectedAt(),
                restore == null ? "not restored" : RESTORED + " " + restoredId + " at " + restore.at()));
        if (v.rpo() != null) {
            String from = restore == null ? "not restored" : "LINKED".equals(restore.evidence())
                    ? restore.restoredEvent().type() + " " + restore.restoredEvent().id() + " restorePoint "
                    + restore.restorePoint()
                    : RESTORED + " " + restoredId + " restorePoint " + restore.restorePoint();
            rows.add(List.of("Data loss", duration(loss), duration(v.rpo()), verdict(loss, v.rpo()), from,
                    DECLARED + " " + declaredId + " suspectedDamageStart " + v.suspectedDamageStart()));
        }
        doc.heading(2, "Recovery against the targets").paragraph("The time to recover runs from the moment service "
                        + "was lost (the detection) to the restore; the data loss from the last restorable instant (the "
                        + "restore point) to the suspected start of the damage.")
                .table(List.of("Figure", "Measured", "Target", "Verdict", "From", "To"), rows);
        if (restore != null) {
            doc.paragraph("Restore evidence: " + evidence(restore) + ". Backup " + restore.backupId()
                    + ", restore point " + restore.restorePoint() + ", recorded by " + restore.by() + ".");
        }
    }

    private static String evidence(IncidentView.RestoreEvidence r) {
        if ("LINKED".equals(r.evidence())) {
            return "linked to backup-service's restore " + r.restoreId() + " of " + r.database() + " ("
                    + r.restoredEvent().type() + " " + r.restoredEvent().id() + ")";
        }
        return "MANUAL".equals(r.evidence()) ? "manual evidence, vouched for by " + r.vouchedBy()
                : "none recorded (the backup id and restore point were typed)";
    }

    private void timeline(IncidentView v) {
        doc.heading(2, "Timeline").table(List.of("At", "Who", "What", "Detail"), v.timeline().stream()
                .map(t -> List.of(String.valueOf(t.at()), t.actor(), t.kind(), t.text())).toList());
    }

    private void people(List<RecordedEvent> events) {
        Map<String, Set<String>> did = new LinkedHashMap<>();
        events.forEach(e -> did.computeIfAbsent(e.actor(), a -> new LinkedHashSet<>()).add(shortType(e.type())));
        doc.heading(2, "Who did what").table(List.of("Who", "What"), did.entrySet().stream()
                .map(e -> List.of(e.getKey(), String.join(", ", e.getValue()))).toList());
    }

    private void checklist(IncidentView v) {
        doc.heading(2, "Checklist").table(List.of("Phase", "Item", "State", "By", "At", "Evidence or note"),
                v.checklist().stream().map(i -> List.of(i.phase().name(), i.text() + (i.mandatory() ? "" : " (optional)"),
                        i.state(), orDash(i.by()), orDash(i.at()), i.evidence() != null
                                ? "event " + i.evidence().type() + " " + i.evidence().id()
                                + (i.note() == null ? "" : ": " + i.note()) : orDash(i.note()))).toList());
    }

    private void notifications(List<IncidentMessage> messages) {
        doc.heading(2, "Notifications and their deadlines");
        if (messages.isEmpty()) {
            doc.paragraph("notification-service reported no message for this incident.");
            return;
        }
        long delivered = messages.stream().filter(IncidentMessage::delivered).count();
        doc.paragraph(delivered + " of " + messages.size() + " messages reached a person; a message only written to "
                        + "the log channel reached nobody and its deadline is not met.")
                .table(List.of("Kind", "Tier", "Audience", "Channel", "Due", "Sent", "Delivered", "Deadline"),
                        messages.stream().map(m -> List.of(m.kind(), orDash(m.tier()), m.audience(), m.channel(),
                                orDash(m.dueAt()), orDash(m.sentAt()), m.delivered() ? "yes" : m.sentAt() != null
                                        ? "no: only logged" : "no", orDash(m.deadline()))).toList());
    }

    private void lessons(IncidentView v) {
        Optional<IncidentView.ChecklistEntry> item = v.checklist().stream()
                .filter(i -> i.phase() == Phase.POST_RECOVERY && LESSONS_ITEM.equals(i.id())).findFirst();
        doc.heading(2, "Lessons learned").paragraph(item.map(i -> i.note() != null && !i.note().isBlank()
                ? i.note() + " (" + i.by() + ", " + i.at() + ")" : "The item was " + i.state().toLowerCase(Locale.ROOT)
                + " without a note.").orElse("None recorded: the plan has no '" + LESSONS_ITEM + "' item."));
    }

    private static String eventId(List<RecordedEvent> events, String type) {
        return events.stream().filter(e -> type.equals(e.type())).map(RecordedEvent::eventId).reduce((a, b) -> b)
                .orElse("-");
    }

    private static String verdict(Duration figure, Duration target) {
        if (figure == null) {
            return "no data";
        }
        return RecoveryRules.met(figure, target) == Verdict.ACHIEVED ? "met" : "not met";
    }

    private static String duration(Duration d) {
        if (d == null) {
            return "no data";
        }
        long minutes = d.toMinutes();
        return String.format(Locale.ROOT, "%d h %02d min", minutes / 60, minutes % 60);
    }

    private static String shortType(String type) {
        return type.replace("dr.incident.", "").replace(".v1", "");
    }

    private static String orDash(Object value) {
        return value == null ? "-" : value.toString();
    }
}
