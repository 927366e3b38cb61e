package org.drcc.console.drill;

import static org.drcc.console.api.ServiceApi.encode;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import org.drcc.console.api.ApiRefusal;
import org.drcc.console.api.Service;
import org.drcc.console.api.ServiceApi;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Drills through backup-service's {@code /api/drills}; the pages re-read on every drill event. */
@Controller
class DrillsController {

    private static final List<String> SCENARIOS = List.of("database-corruption", "accidental-data-deletion",
            "ransomware-attack", "data-center-failure", "regional-disaster", "point-in-time-recovery");

    private final ServiceApi api;

    DrillsController(ServiceApi api) {
        this.api = api;
    }

    @GetMapping("/drills")
    String page(Model model) {
        model.addAttribute("scenarios", SCENARIOS);
        model.addAttribute("schedule", api.list(Service.BACKUP, "/api/drills/schedule"));
        live(model);
        return "drills";
    }

    @GetMapping("/drills/live")
    String live(Model model) {
        model.addAttribute("drills", api.list(Service.BACKUP, "/api/drills?limit=20"));
        return "drills :: live";
    }

    @GetMapping("/drills/{id}")
    String drill(@PathVariable String id, Model model) {
        steps(id, model);
        return "drill";
    }

    @GetMapping("/drills/{id}/steps")
    String steps(@PathVariable String id, Model model) {
        Map<String, Object> drill = api.get(Service.BACKUP, "/api/drills/" + encode(id));
        model.addAttribute("drill", drill.get("drill"));
        model.addAttribute("steps", drill.get("steps"));
        String report = null;
        if (drill.get("drill") instanceof Map<?, ?> d && d.get("reportKey") != null) {
            try {
                report = api.text(Service.BACKUP, "/api/drills/" + encode(id) + "/report");
            } catch (ApiRefusal notStoredYet) {
                report = null;
            }
        }
        model.addAttribute("report", report);
        return "drill :: steps";
    }

    @PostMapping("/drills")
    String run(@RequestParam String scenario, HttpServletResponse response, Model model) {
        Map<String, Object> started = api.post(Service.BACKUP, "/api/drills", Map.of("scenario", scenario));
        Object id = started.get("drill") instanceof Map<?, ?> d ? d.get("drillId") : started.get("drillId");
        response.setHeader("HX-Redirect", "/drills/" + id);
        return "fragments :: nothing";
    }
}
