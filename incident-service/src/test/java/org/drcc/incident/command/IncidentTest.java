package org.drcc.incident.command;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.drcc.contract.incident.ChecklistAssignedEvent;
import org.drcc.contract.incident.ChecklistItem;
import org.drcc.contract.incident.ChecklistItemCompletedEvent;
import org.drcc.contract.incident.ChecklistItemEvidencedEvent;
import org.drcc.contract.incident.ChecklistItemWaivedEvent;
import org.drcc.contract.incident.IncidentAssessedEvent;
import org.drcc.contract.incident.IncidentCancelledEvent;
import org.drcc.contract.incident.IncidentClosedEvent;
import org.drcc.contract.incident.IncidentContainedEvent;
import org.drcc.contract.incident.IncidentDeclaredEvent;
import org.drcc.contract.incident.IncidentRestoredEvent;
import org.drcc.contract.incident.IncidentRole;
import org.drcc.contract.incident.IncidentTargets;
import org.drcc.contract.incident.IncidentValidatedEvent;
import org.drcc.contract.incident.NoteAddedEvent;
import org.drcc.contract.incident.Phase;
import org.drcc.contract.incident.PhaseWindow;
import org.drcc.contract.incident.PhaseWindowBreachedEvent;
import org.drcc.contract.incident.PhaseWindowMetEvent;
import org.drcc.contract.incident.PhaseWindowsAssignedEvent;
import org.drcc.contract.incident.RestoreEvidenceRecordedEvent;
import org.drcc.contract.incident.RoleAssignedEvent;
import org.drcc.contract.incident.Severity;
import org.drcc.contract.incident.SeverityChangedEvent;
import org.drcc.contract.incident.ValidationFailedEvent;
import org.drcc.kit.rules.RuleRefusedException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class IncidentTest {

    private static final String ID = "i-1";
    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
    private static final Instant DETECTED = NOW.minusSeconds(600);
    private static final Instant DAMAGE = NOW.minusSeconds(3600);
    private static final IncidentTargets TARGETS =
            new IncidentTargets("database-corruption", Duration.ofHours(2), Duration.ofHours(1), false);
    private static final List<ChecklistItem> CHECKLIST = List.of(
            new ChecklistItem("impact-assessed", Phase.ASSESSMENT, "Impact assessed", true),
            new ChecklistItem("backups-secured", Phase.CONTAINMENT, "Backups secured", true),
            new ChecklistItem("database-restored", Phase.RECOVERY, "Database restored", true),
            new ChecklistItem("dns-updated", Phase.RECOVERY, "DNS updated", false),
            new ChecklistItem("functional-tests-passed", Phase.VALIDATION, "Functional tests passed", true),
            new ChecklistItem("users-informed", Phase.COMMUNICATION, "Users informed", true),
            new ChecklistItem("incident-documented", Phase.POST_RECOVERY, "Incident documented", true));

    private static final List<PhaseWindow> WINDOWS = List.of(
            new PhaseWindow(Phase.ASSESSMENT, Duration.ZERO, Duration.ofMinutes(30)),
            new PhaseWindow(Phase.CONTAINMENT, Duration.ofMinutes(30), Duration.ofHours(1)),
            new PhaseWindow(Phase.POST_RECOVERY, Duration.ofHours(6), null));
    /** Assessment's deadline: detected 10 minutes before NOW, so 20 minutes after NOW. */
    private static final Instant ASSESSMENT_ENDS = DETECTED.plus(Duration.ofMinutes(30));

    private FixtureConfiguration<Incident> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Incident.class);
    }

    @Test
    void canDeclareWithTheScenarioTargetsAndChecklist() {
        fixture.givenNoPriorActivity()
                .when(declare("Orders table corrupted", DAMAGE))
                .expectSuccessfulHandlerExecution()
                .expectEvents(declared(), new ChecklistAssignedEvent(ID, TARGETS, CHECKLIST, "alice", NOW), windows());
    }

    @Test
    void canMeetAPhaseWindowByLeavingThePhaseInTime() {
        fixture.given(declared(), checklist(), windows(), done("impact-assessed"))
                .when(new AssessIncidentCommand(ID, null, "orders only", "bob", NOW))
                .expectEvents(new IncidentAssessedEvent(ID, TARGETS, "orders only", "bob", NOW),
                        new PhaseWindowMetEvent(ID, TARGETS, Phase.ASSESSMENT, ASSESSMENT_ENDS, "bob", NOW));
    }

    @Test
    void canBreachAPhaseWindowByLeavingThePhaseLate() {
        Instant late = ASSESSMENT_ENDS.plusSeconds(1);
        fixture.given(declared(), checklist(), windows(), done("impact-assessed"))
                .when(new AssessIncidentCommand(ID, null, "orders only", "bob", late))
                .expectEvents(new IncidentAssessedEvent(ID, TARGETS, "orders only", "bob", late),
                        new PhaseWindowBreachedEvent(ID, TARGETS, Phase.ASSESSMENT, ASSESSMENT_ENDS, "bob", late));
    }

    @Test
    void canBreachEveryWindowThatEndedWhileThePhaseWentOnOnce() {
        Instant late = DETECTED.plus(Duration.ofMinutes(61));
        fixture.given(declared(), checklist(), windows())
                .when(new CheckPhaseWindowsCommand(ID, late))
                .expectEvents(
                        new PhaseWindowBreachedEvent(ID, TARGETS, Phase.ASSESSMENT, ASSESSMENT_ENDS, "incident-service", late),
                        new PhaseWindowBreachedEvent(ID, TARGETS, Phase.CONTAINMENT, DETECTED.plus(Duration.ofHours(1)),
                                "incident-service", late));
        fixture.given(declared(), checklist(), windows(),
                        new PhaseWindowBreachedEvent(ID, TARGETS, Phase.ASSESSMENT, ASSESSMENT_ENDS, "incident-service", late))
                .when(new CheckPhaseWindowsCommand(ID, ASSESSMENT_ENDS.plusSeconds(5)))
                .expectSuccessfulHandlerExecution().expectNoEvents();
    }

    @Test
    void cannotBreachAWindowBeforeItEndsOrOfAFinishedIncident() {
        fixture.given(declared(), checklist(), windows())
                .when(new CheckPhaseWindowsCommand(ID, ASSESSMENT_ENDS))
                .expectSuccessfulHandlerExecution().expectNoEvents();
        fixture.given(declared(), checklist(), windows(), new IncidentCancelledEvent(ID, TARGETS, "false alarm", "dana", NOW))
                .when(new CheckPhaseWindowsCommand(ID, ASSESSMENT_ENDS.plusSeconds(3600)))
                .expectSuccessfulHandlerExecution().expectNoEvents();
    }

    @Test
    void cannotDeclareWithoutTitle() {
        fixture.givenNoPriorActivity().when(declare("  ", DAMAGE))
                .expectException(RuleRefusedException.class).expectNoEvents();
    }

    @Test
    void cannotDeclareDamageThatStartedAfterItWasDetected() {
        fixture.givenNoPriorActivity().when(declare("Orders table corrupted", DETECTED.plusSeconds(1)))
                .expectException(RuleRefusedException.class)
                .expectExceptionMessage(containsString("after detectedAt")).expectNoEvents();
    }

    @Test
    void cannotAssessWhileAMandatoryAssessmentItemIsOpen() {
        fixture.given(declared(), checklist())
                .when(new AssessIncidentCommand(ID, null, "scope known", "bob", NOW))
                .expectException(RuleRefusedException.class)
                .expectExceptionMessage(allOf(containsString("impact-assessed"), containsString("DR lead waives")))
                .expectNoEvents();
    }

    @Test
    void canAssessOnceTheAssessmentChecklistIsDone() {
        fixture.given(declared(), checklist(), done("impact-assessed"))
                .when(new AssessIncidentCommand(ID, null, "scope known", "bob", NOW))
                .expectEvents(new IncidentAssessedEvent(ID, TARGETS, "scope known", "bob", NOW));
    }

    @Test
    void canLetTheDrLeadWaiveAMandatoryItemWithAReason() {
        fixture.given(declared(), checklist(), lead("dana"))
                .when(new WaiveChecklistItemCommand(ID, null, "impact-assessed", "obvious: whole table lost", "dana", NOW))
                .expectEvents(new ChecklistItemWaivedEvent(ID, TARGETS, "impact-assessed", "obvious: whole table lost",
                        "dana", NOW));
    }

    @Test
    void cannotWaiveUnlessTheDrLead() {
        fixture.given(declared(), checklist(), lead("dana"))
                .when(new WaiveChecklistItemCommand(ID, null, "impact-assessed", "in a hurry", "bob", NOW))
                .expectException(RuleRefusedException.class)
                .expectExceptionMessage(containsString("only the incident's DR lead (dana)")).expectNoEvents();
    }

    @Test
    void cannotWaiveWithoutAReason() {
        fixture.given(declared(), checklist(), lead("dana"))
                .when(new WaiveChecklistItemCommand(ID, null, "impact-assessed", " ", "dana", NOW))
                .expectException(RuleRefusedException.class).expectNoEvents();
    }

    @Test
    void cannotCompleteAnItemTwice() {
        fixture.given(declared(), checklist(), done("impact-assessed"))
                .when(new CompleteChecklistItemCommand(ID, null, "impact-assessed", null, "bob", NOW))
                .expectException(RuleRefusedException.class).expectNoEvents();
    }

    @Test
    void cannotValidateBeforeRestoreAndSaysWhatIsAllowed() {
        fixture.given(declared(), checklist())
                .when(new ValidateIncidentCommand(ID, null, true, "all green", "bob", NOW))
                .expectException(RuleRefusedException.class)
                .expectExceptionMessage(allOf(containsString("is DECLARED"), containsString("[ASSESSED, CANCELLED]")))
                .expectNoEvents();
    }

    @Test
    void canRecordTheRestoreWithItsEvidence() {
        Instant restorePoint = DAMAGE.minusSeconds(1800);
        fixture.given(contained()).andGiven(done("database-restored"))
                .when(new RestoreIncidentCommand(ID, null, "b-42", restorePoint, "restored", null, List.of(), "bob", NOW))
                .expectEvents(new IncidentRestoredEvent(ID, TARGETS, "b-42", restorePoint, "restored", "bob", NOW));
    }

    @Test
    void aLinkedRestoreTicksTheItemItProvesAndRecordsWhereItsEvidenceComesFrom() {
        Instant restorePoint = DAMAGE.minusSeconds(1800);
        ItemProof proof = new ItemProof("database-restored", "database-restored", "dr.backup.restored.v1", "e-1",
                "backup b-42 restored");
        fixture.given(contained())
                .when(new RestoreIncidentCommand(ID, null, "b-42", restorePoint, "restored",
                        new RestoreEvidence("LINKED", "r-7", "foodtruck", "e-1", null), List.of(proof), "bob", NOW))
                .expectEvents(
                        new ChecklistItemEvidencedEvent(ID, TARGETS, "database-restored", "database-restored",
                                "dr.backup.restored.v1", "e-1", "backup b-42 restored", "bob", NOW),
                        new RestoreEvidenceRecordedEvent(ID, TARGETS, "LINKED", "b-42", restorePoint, "r-7", "foodtruck",
                                "e-1", null, "bob", NOW),
                        new IncidentRestoredEvent(ID, TARGETS, "b-42", restorePoint, "restored", "bob", NOW));
    }

    @Test
    void aTypedRestoreIsManualEvidenceVouchedForByTheCaller() {
        Instant restorePoint = DAMAGE.minusSeconds(1800);
        fixture.given(contained()).andGiven(done("database-restored"))
                .when(new RestoreIncidentCommand(ID, null, "b-42", restorePoint, null,
                        new RestoreEvidence("MANUAL", null, null, null, "bob"), List.of(), "bob", NOW))
                .expectEvents(
                        new RestoreEvidenceRecordedEvent(ID, TARGETS, "MANUAL", "b-42", restorePoint, null, null, null,
                                "bob", "bob", NOW),
                        new IncidentRestoredEvent(ID, TARGETS, "b-42", restorePoint, null, "bob", NOW));
    }

    @Test
    void aDeliveredMessageTicksItsItemOnceAndNeverFailsOnAResolvedOne() {
        ItemProof proof = new ItemProof("impact-assessed", "dr-team-notified", "dr.notification.sent.v1", "e-2", "sent");
        fixture.given(declared(), checklist())
                .when(new EvidenceChecklistItemCommand(ID, proof, "incident-service", NOW))
                .expectEvents(new ChecklistItemEvidencedEvent(ID, TARGETS, "impact-assessed", "dr-team-notified",
                        "dr.notification.sent.v1", "e-2", "sent", "incident-service", NOW));
        fixture.given(declared(), checklist()).andGiven(done("impact-assessed"))
                .when(new EvidenceChecklistItemCommand(ID, proof, "incident-service", NOW))
                .expectSuccessfulHandlerExecution().expectNoEvents();
    }

    @Test
    void cannotRestoreFromABackupTakenAfterTheDamageStarted() {
        fixture.given(contained()).andGiven(done("database-restored"))
                .when(new RestoreIncidentCommand(ID, null, "b-43", DAMAGE.plusSeconds(60), null, null, List.of(), "bob", NOW))
                .expectException(RuleRefusedException.class)
                .expectExceptionMessage(containsString("may hold the damage")).expectNoEvents();
    }

    @Test
    void cannotRestoreDataWithoutTheBackupUsed() {
        fixture.given(contained()).andGiven(done("database-restored"))
                .when(new RestoreIncidentCommand(ID, null, null, DAMAGE.minusSeconds(60), null, null, List.of(), "bob", NOW))
                .expectException(RuleRefusedException.class).expectNoEvents();
    }

    @Test
    void aFailedValidationKeepsTheIncidentRestored() {
        fixture.given(restored())
                .when(new ValidateIncidentCommand(ID, null, false, "orders missing", "bob", NOW))
                .expectEvents(new ValidationFailedEvent(ID, TARGETS, "orders missing", "bob", NOW));
    }

    @Test
    void canValidateThenCloseWhenCommunicationAndPostRecoveryAreDone() {
        fixture.given(restored()).andGiven(done("functional-tests-passed"),
                        new IncidentValidatedEvent(ID, TARGETS, "ok", "bob", NOW), done("users-informed"),
                        done("incident-documented"))
                .when(new CloseIncidentCommand(ID, null, "done", "dana", NOW))
                .expectEvents(new IncidentClosedEvent(ID, TARGETS, "done", "dana", NOW));
    }

    @Test
    void cannotChangeAnythingAfterClose() {
        fixture.given(restored()).andGiven(new IncidentValidatedEvent(ID, TARGETS, "ok", "bob", NOW),
                        new IncidentClosedEvent(ID, TARGETS, "done", "dana", NOW))
                .when(new AddNoteCommand(ID, null, "one more thing", false, "bob", NOW))
                .expectException(RuleRefusedException.class)
                .expectExceptionMessage(containsString("CLOSED: nothing can change")).expectNoEvents();
    }

    @Test
    void canCancelAFalseAlarm() {
        fixture.given(declared(), checklist())
                .when(new CancelIncidentCommand(ID, null, "monitoring glitch", "dana", NOW))
                .expectEvents(new IncidentCancelledEvent(ID, TARGETS, "monitoring glitch", "dana", NOW));
    }

    @Test
    void cannotCancelOnceRestored() {
        fixture.given(restored())
                .when(new CancelIncidentCommand(ID, null, "oops", "dana", NOW))
                .expectException(RuleRefusedException.class).expectNoEvents();
    }

    @Test
    void canReassignARoleAndRecordWhoHadIt() {
        fixture.given(declared(), checklist(), lead("dana"))
                .when(new AssignRoleCommand(ID, null, IncidentRole.DR_LEAD, "erin", "dana", NOW))
                .expectEvents(new RoleAssignedEvent(ID, TARGETS, IncidentRole.DR_LEAD, "erin", "dana", "dana", NOW));
    }

    @Test
    void canChangeSeverityWithAReason() {
        fixture.given(declared(), checklist())
                .when(new ChangeSeverityCommand(ID, null, Severity.CRITICAL, "payments down too", "dana", NOW))
                .expectEvents(new SeverityChangedEvent(ID, TARGETS, Severity.HIGH, Severity.CRITICAL,
                        "payments down too", "dana", NOW));
    }

    @Test
    void canAddAStatusUpdate() {
        fixture.given(declared(), checklist())
                .when(new AddNoteCommand(ID, null, "restore ETA 11:00", true, "dana", NOW))
                .expectEvents(new NoteAddedEvent(ID, TARGETS, "restore ETA 11:00", true, "dana", NOW));
    }

    @Test
    void cannotActOnAStaleVersion() {
        fixture.given(declared(), checklist())
                .when(new AddNoteCommand(ID, 0L, "based on what I saw", false, "dana", NOW))
                .expectException(org.axonframework.modelling.command.ConflictingAggregateVersionException.class)
                .expectNoEvents();
    }

    private static DeclareIncidentCommand declare(String title, Instant damage) {
        return new DeclareIncidentCommand(ID, "database-corruption", title, "checksum errors", Severity.HIGH,
                Duration.ofHours(2), Duration.ofHours(1), DETECTED, damage, false, CHECKLIST, WINDOWS, "alice", NOW);
    }

    private static IncidentDeclaredEvent declared() {
        return new IncidentDeclaredEvent(ID, "database-corruption", "Orders table corrupted", "checksum errors",
                Severity.HIGH, Duration.ofHours(2), Duration.ofHours(1), DETECTED, DAMAGE, false, "alice", NOW);
    }

    private static PhaseWindowsAssignedEvent windows() {
        return new PhaseWindowsAssignedEvent(ID, TARGETS, DETECTED, WINDOWS, "alice", NOW);
    }

    private static ChecklistAssignedEvent checklist() {
        return new ChecklistAssignedEvent(ID, TARGETS, CHECKLIST, "alice", NOW);
    }

    private static ChecklistItemCompletedEvent done(String item) {
        return new ChecklistItemCompletedEvent(ID, TARGETS, item, null, "bob", NOW);
    }

    private static RoleAssignedEvent lead(String person) {
        return new RoleAssignedEvent(ID, TARGETS, IncidentRole.DR_LEAD, person, null, "alice", NOW);
    }

    private static List<Object> contained() {
        return List.of(declared(), checklist(), done("impact-assessed"),
                new IncidentAssessedEvent(ID, TARGETS, null, "bob", NOW), done("backups-secured"),
                new IncidentContainedEvent(ID, TARGETS, null, "bob", NOW));
    }

    private static List<Object> restored() {
        List<Object> events = new java.util.ArrayList<>(contained());
        events.add(done("database-restored"));
        events.add(new IncidentRestoredEvent(ID, TARGETS, "b-42", DAMAGE.minusSeconds(1800), null, "bob", NOW));
        return events;
    }
}
