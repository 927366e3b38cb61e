package org.drcc.notification.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import com.fasterxml.jackson.databind.JsonNode;
import java.security.Principal;
import java.util.List;
import org.drcc.notification.plan.PlanDocuments;
import org.drcc.notification.plan.PlanInForce;
import org.drcc.notification.plan.PlanRevision;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The communication plan as data: shown without keys, replaced whole or one stakeholder group at a
 * time. A change is checked as a whole and stored as a new revision with its actor, or refused with
 * every problem and nothing changed.
 */
@Tag(name = "communication plan", description = "The communication plan as data: tiers, audiences, contacts, templates; changed with an audit of who changed it")
@RestController
class PlanController {

    private final PlanInForce plan;
    private final PlanDocuments documents;

    PlanController(PlanInForce plan, PlanDocuments documents) {
        this.plan = plan;
        this.documents = documents;
    }

    /** The plan in force; contacts show their channel and host or address, never a key or secret. */
    @Operation(summary = "Read the communication plan in force", description = "The ETag is its revision, for If-Match on a change.")
    @GetMapping("/api/plan")
    ResponseEntity<JsonNode> plan() {
        return shown(plan.revisionNumber());
    }

    @Operation(summary = "Replace the communication plan", description = "Checked whole before it is stored; a new revision with who changed it.")
    @PutMapping(path = "/api/plan", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<JsonNode> replace(@RequestBody String body,
                                     Principal caller) {
        return shown(plan.replace(documents.read(body), caller.getName()));
    }

    /** One stakeholder group (audience), replaced wherever the plan names it. */
    @Operation(summary = "Replace one audience of the plan")
    @PutMapping(path = "/api/plan/audiences/{name}", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<JsonNode> replaceAudience(@PathVariable String name, @RequestBody String body,
                                             Principal caller) {
        return shown(plan.replaceAudience(name, documents.readAudience(body), caller.getName()));
    }

    /** Who changed the plan, when, and how; newest first. Revision 0 is the file's plan. */
    @Operation(summary = "The plan's revisions: who changed it, when")
    @GetMapping("/api/plan/revisions")
    List<PlanRevision> revisions() {
        return plan.revisions();
    }

    private ResponseEntity<JsonNode> shown(long revision) {
        return ResponseEntity.ok().eTag(Long.toString(revision)).header("X-Plan-Revision", Long.toString(revision))
                .body(documents.shown(plan.get()));
    }
}
