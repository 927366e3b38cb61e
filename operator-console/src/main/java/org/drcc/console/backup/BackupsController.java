package org.drcc.console.backup;

import static org.drcc.console.api.ServiceApi.encode;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.drcc.console.api.Service;
import org.drcc.console.api.ServiceApi;
import org.drcc.console.page.Feedback;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Backups as backup-service reports them. The RPO check here is the reader's: the age of the newest
 * <em>verified</em> backup's data against the database's RPO (backup-service's own {@code rpoMet} counts the newest
 * completed one, shown beside it).
 */
@Controller
class BackupsController {

    private final ServiceApi api;

    BackupsController(ServiceApi api) {
        this.api = api;
    }

    @GetMapping("/backups")
    String page(Model model) {
        live(model);
        return "backups";
    }

    @GetMapping("/backups/live")
    String live(Model model) {
        Instant now = Instant.now();
        List<Map<String, Object>> databases = new ArrayList<>();
        for (Map<String, Object> policy : api.list(Service.BACKUP, "/api/policies")) {
            Map<String, Object> row = policy; // the answer itself, which reads a field it lacks as null
            List<Map<String, Object>> verified = api.list(Service.BACKUP, "/api/backups?verified=true&limit=1&database="
                    + encode(String.valueOf(policy.get("database"))));
            Map<String, Object> newest = verified.isEmpty() ? null : verified.get(0);
            row.put("newestVerified", newest);
            Duration rpo = policy.get("rpo") == null ? null : Duration.parse(policy.get("rpo").toString());
            Object point = newest == null ? null : newest.get("snapshotAt") != null ? newest.get("snapshotAt") : newest.get("startedAt");
            Duration age = point == null ? null : Duration.between(Instant.parse(point.toString()), now);
            row.put("verifiedAge", age);
            row.put("verifiedWithinRpo", age != null && rpo != null && age.compareTo(rpo) <= 0);
            databases.add(row);
        }
        model.addAttribute("databases", databases);
        model.addAttribute("backups", api.list(Service.BACKUP, "/api/backups?limit=20"));
        return "backups :: live";
    }

    @GetMapping("/backups/{id}")
    String backup(@PathVariable String id, Model model) {
        model.addAttribute("backup", api.get(Service.BACKUP, "/api/backups/" + encode(id)));
        return "backup";
    }

    @PostMapping("/backups")
    String backUpNow(@RequestParam String database, HttpServletResponse response, Model model) {
        Map<String, Object> started = api.post(Service.BACKUP, "/api/backups", Map.of("database", database));
        return Feedback.done(response, model, "Backup " + started.get("backupId") + " of " + database + " started.");
    }

    @PostMapping("/backups/{id}/verify")
    String verify(@PathVariable String id, HttpServletResponse response, Model model) {
        api.post(Service.BACKUP, "/api/backups/" + encode(id) + "/verify", Map.of());
        return Feedback.done(response, model, "Verification of " + id + " started: a restore into a scratch database.");
    }

    /** The API refuses to overwrite the protected database unless the person ticked the confirmation. */
    @PostMapping("/backups/{id}/restore")
    String restore(@PathVariable String id, @RequestParam String targetDatabase,
                   @RequestParam(defaultValue = "false") boolean confirmOverwrite,
                   @RequestParam(required = false) String from, HttpServletResponse response, Model model) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("targetDatabase", targetDatabase);
        body.put("confirmOverwrite", confirmOverwrite);
        if (StringUtils.hasText(from)) {
            body.put("from", from);
        }
        Map<String, Object> accepted = api.post(Service.BACKUP, "/api/backups/" + encode(id) + "/restore", body);
        return Feedback.done(response, model, "Restore " + accepted.get("restoreId") + " into " + targetDatabase + " started.");
    }

}
