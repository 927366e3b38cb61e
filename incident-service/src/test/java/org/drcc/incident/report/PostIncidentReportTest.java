package org.drcc.incident.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.drcc.contract.incident.IncidentStatus;
import org.drcc.contract.incident.Phase;
import org.drcc.contract.incident.Severity;
import org.drcc.incident.evidence.SeenEvents.IncidentMessage;
import org.drcc.incident.query.IncidentView;
import org.drcc.incident.query.RecordedEvent;
import org.junit.jupiter.api.Test;

class PostIncidentReportTest {

    private static final Instant DETECTED = Instant.parse("2026-11-25T09:00:00Z");
    private static final Instant DAMAGE = Instant.parse("2026-11-25T08:30:00Z");
    private static final Instant RESTORED = DETECTED.plus(Duration.ofMinutes(100));

    @Test
    void namesTheEventsEachFigureCameFromAndJudgesThemAgainstTheTargets() {
        String md = render().markdown();
        assertThat(md).contains("| RTO: time to recover | 1 h 40 min | 2 h 00 min | met | dr.incident.declared.v1 e-decl "
                + "detectedAt 2026-11-25T09:00:00Z | dr.incident.restored.v1 e-rest at 2026-11-25T10:40:00Z |");
        assertThat(md).contains("| Data loss | 0 h 50 min | 1 h 00 min | met | dr.backup.restored.v1 e-backup restorePoint "
                + "2026-11-25T07:40:00Z | dr.incident.declared.v1 e-decl suspectedDamageStart 2026-11-25T08:30:00Z |");
        assertThat(md).contains("Restore evidence: linked to backup-service's restore r-7 of foodtruck");
    }

    @Test
    void showsTheChecklistWithItsEvidenceWhoDidWhatAndTheLessons() {
        String md = render().markdown();
        assertThat(md).contains("| RECOVERY | Database restored | DONE | incident-service | 2026-11-25T10:40:00Z | "
                + "event dr.backup.restored.v1 e-backup: backup b-42 restored |");
        assertThat(md).contains("| dana | declared, restored, closed |");
        assertThat(md).contains("## Lessons learned\n\nAlert on checksum errors earlier (dana,");
    }

    @Test
    void aMessageOnlyLoggedIsShownAsReachingNobody() {
        String md = render().markdown();
        assertThat(md).contains("1 of 2 messages reached a person");
        assertThat(md).contains("| incident-declaration | immediate | Management | log | 2026-11-25T09:15:00Z | "
                + "2026-11-25T09:01:00Z | no: only logged | BREACHED |");
    }

    @Test
    void theHtmlEscapesWhatPeopleTyped() {
        String html = render().html();
        assertThat(html).contains("&lt;script&gt;").doesNotContain("<script>");
        assertThat(html).startsWith("<!DOCTYPE html>").contains("<h2>Recovery against the targets</h2>");
    }

    private static PostIncidentReport.Rendered render() {
        Instant closed = RESTORED.plus(Duration.ofHours(1));
        IncidentView.EventRef backupEvent = new IncidentView.EventRef("dr.backup.restored.v1", "e-backup");
        List<IncidentView.ChecklistEntry> checklist = List.of(
                new IncidentView.ChecklistEntry("database-restored", Phase.RECOVERY, "Database restored", true, null, "DONE",
                        "incident-service", RESTORED, "backup b-42 restored", backupEvent),
                new IncidentView.ChecklistEntry("lessons-learned-captured", Phase.POST_RECOVERY, "Lessons learned captured",
                        true, null, "DONE", "dana", closed, "Alert on checksum errors earlier", null));
        IncidentView view = new IncidentView("i-1", "database-corruption", "Orders <script>", null, Severity.HIGH,
                IncidentStatus.CLOSED, null, List.of(), Duration.ofHours(2), Duration.ofHours(1), DETECTED, DAMAGE, false,
                DETECTED.plusSeconds(120), "dana", closed, 9, Map.of(), checklist, List.of(),
                new IncidentView.RestoreEvidence("b-42", DAMAGE.minus(Duration.ofMinutes(50)), Duration.ofMinutes(50),
                        "restored", "dana", RESTORED, "LINKED", "r-7", "foodtruck", backupEvent, null),
                null, List.of(new IncidentView.TimelineEntry(DETECTED, "dana", "status", "DECLARED: Orders <script>")));
        List<RecordedEvent> events = List.of(
                new RecordedEvent("e-decl", 0, "dr.incident.declared.v1", DETECTED, "dana", null),
                new RecordedEvent("e-rest", 5, "dr.incident.restored.v1", RESTORED, "dana", null),
                new RecordedEvent("e-close", 9, "dr.incident.closed.v1", closed, "dana", null));
        List<IncidentMessage> messages = List.of(
                new IncidentMessage("incident-declaration", "immediate", "DR Team Lead", "slack",
                        DETECTED.plusSeconds(900), DETECTED.plusSeconds(30), "MET"),
                new IncidentMessage("incident-declaration", "immediate", "Management", "log",
                        DETECTED.plusSeconds(900), DETECTED.plusSeconds(60), "BREACHED"));
        return PostIncidentReport.render(view, events, messages, closed);
    }
}
