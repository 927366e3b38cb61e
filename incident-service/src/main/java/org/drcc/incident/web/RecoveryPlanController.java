package org.drcc.incident.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.drcc.incident.plan.PhaseChecklist;
import org.drcc.incident.plan.Plan;
import org.drcc.incident.plan.PlanCheck;
import org.drcc.incident.plan.RecoveryChecklist;
import org.drcc.incident.plan.RoleDuties;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "plan", description = "The recovery plan as data: phases with windows and actions, roles, recovery checklists, and its contradictions")
@RestController
@RequestMapping("/api/plan")
class RecoveryPlanController {

    private final Plan plan;

    RecoveryPlanController(Plan plan) {
        this.plan = plan;
    }

    @Operation(summary = "The plan's phases: each one's time window, listed actions and checklist, with the role owning each")
    @GetMapping("/phases")
    List<PhaseChecklist> phases() {
        return plan.phases();
    }

    @Operation(summary = "The plan's roles and their responsibilities, each in the phase it is done in")
    @GetMapping("/roles")
    List<RoleDuties> roles() {
        return plan.roles();
    }

    @Operation(summary = "The appendix's recovery checklists and the scenarios each belongs to")
    @GetMapping("/recovery-checklists")
    List<RecoveryChecklist> recoveryChecklists() {
        return plan.recoveryChecklists();
    }

    @Operation(summary = "The contradictions in the plan's data", description = "An SLA that one incident at a "
            + "scenario's RTO breaks, a phase window before the restore that ends after a scenario's RTO, an estimated "
            + "recovery longer than the RTO. The same list is logged as warnings at start.")
    @GetMapping("/check")
    PlanCheckView check() {
        List<PlanCheck.Finding> findings = PlanCheck.check(plan);
        return new PlanCheckView(findings.isEmpty(), findings);
    }

    /** {@code consistent}: no contradiction found. */
    record PlanCheckView(boolean consistent, List<PlanCheck.Finding> contradictions) {
    }
}
