package org.drcc.console.metrics;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.drcc.console.api.Service;
import org.drcc.console.api.ServiceApi;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The plan's figures (DR plan, "Recovery Metrics": MTTR < 4 h, MTBF > 720 h, the rates 100 %) as metrics-service measures them. */
@Controller
class MetricsController {

    private final ServiceApi api;
    private final ObjectMapper json;

    MetricsController(ServiceApi api, ObjectMapper json) {
        this.api = api;
        this.json = json;
    }

    @GetMapping("/metrics")
    String page(Model model) throws Exception {
        Map<String, Object> now = api.get(Service.METRICS, "/api/metrics");
        List<Figure> figures = new ArrayList<>(List.of(
                Figure.hours("MTTR (mean time to recovery)", hours(now.get("mttr")), 4, true),
                Figure.hours("MTBF (mean time between failures)", hours(now.get("mtbf")), 720, false),
                Figure.rate("RTO achievement", ratio(now.get("rtoAchievement")), "100 %"),
                Figure.rate("RPO achievement", ratio(now.get("rpoAchievement")), "100 %"),
                Figure.rate("Test success", ratio(now.get("testSuccess")), "100 %")));
        if (now.get("backups") instanceof Map<?, ?> backups) {
            figures.add(Figure.rate("Backup success", ratio(backups.get("success")), "100 %"));
            figures.add(Figure.rate("Backup verification", ratio(backups.get("verification")), "100 %"));
        }
        if (now.get("notificationDeadlinesMet") instanceof Map<?, ?> tiers) {
            tiers.forEach((tier, rate) -> figures.add(Figure.rate("Deadlines met, " + tier, ratio(rate), "100 %")));
        }
        model.addAttribute("figures", figures);
        model.addAttribute("period", now);
        model.addAttribute("trend", json.writeValueAsString(trend()));
        return "metrics";
    }

    /** The last six calendar months: month starts (epoch seconds), MTTR in hours, RTO achievement in %. */
    private Map<String, List<Object>> trend() {
        Map<String, List<Object>> series = new LinkedHashMap<>();
        series.put("months", new ArrayList<>());
        series.put("mttrHours", new ArrayList<>());
        series.put("rtoPercent", new ArrayList<>());
        YearMonth current = YearMonth.now(ZoneOffset.UTC);
        for (int back = 5; back >= 0; back--) {
            YearMonth month = current.minusMonths(back);
            Instant from = month.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
            Instant to = back == 0 ? Instant.now() : month.plusMonths(1).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
            Map<String, Object> figures = api.get(Service.METRICS, "/api/metrics?from=" + from + "&to=" + to);
            Object rto = ratio(figures.get("rtoAchievement"));
            series.get("months").add(from.getEpochSecond());
            series.get("mttrHours").add(hours(figures.get("mttr")));
            series.get("rtoPercent").add(rto == null ? null : Double.parseDouble(rto.toString()) * 100);
        }
        return series;
    }

    private static Double hours(Object duration) {
        return duration == null ? null : Duration.parse(duration.toString()).toSeconds() / 3600.0;
    }

    private static Object ratio(Object rate) {
        return rate instanceof Map<?, ?> r ? r.get("ratio") : null;
    }
}
